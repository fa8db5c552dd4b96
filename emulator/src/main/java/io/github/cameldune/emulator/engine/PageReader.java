package io.github.cameldune.emulator.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads pages of finished results: the client's columns, filters, sort and sample, from memory for a small result read
 * as it is, else as SQL on the result's DuckDB table; never more than the page size the settings allow.
 */
final class PageReader {

    private final Database database;
    private final Settings settings;

    PageReader(Database database, Settings settings) {
        this.database = database;
        this.settings = settings;
    }

    /** Reads one page of a finished execution's rows, with the client's columns, filters, sort and sampling. */
    ResultPage page(Execution.Result result, ResultQuery q) throws SQLException {
        List<String> names = result.columnNames();
        List<String> types = result.columnTypes();
        if (q.columns() != null && !q.columns().isEmpty()) {
            List<String> pickedTypes = new ArrayList<>();
            for (String c : q.columns()) {
                int i = names.indexOf(c);
                if (i < 0) {
                    throw new InvalidRequestException("invalid column " + c + ": the result has " + names);
                }
                pickedTypes.add(types.get(i));
            }
            names = List.copyOf(q.columns());
            types = pickedTypes;
        }
        String where = q.whereSql(result.columnNames());
        String order = q.orderSql(result.columnNames());
        if (result.inMemory()) {
            if (where == null && order == null && q.sampleCount() == null) {
                return memoryPage(result, names, types, q);
            }
            database.materialize(result);
        }
        StringBuilder select = new StringBuilder();
        for (String n : names) {
            select.append(select.length() == 0 ? "" : ", ").append(Database.quote(n));
        }
        String from = " FROM " + result.table() + (where == null ? "" : " WHERE " + where);
        long totalRows = result.totalRowCount();
        long totalBytes = result.totalResultSetBytes();
        if (where != null || names.size() != result.columnNames().size()) {
            long[] totals = database.totals(names, from);
            totalRows = totals[0];
            totalBytes = totals[1];
        }
        String sql;
        long offset = Math.max(0, q.offset());
        if (q.sampleCount() != null) {
            sql = "SELECT " + select + from + " USING SAMPLE reservoir(" + q.sampleCount() + " ROWS)"
                    + (order == null ? "" : " ORDER BY " + order);
        } else {
            int size =
                    Math.min(q.limit() == null ? settings.maxPageSize : Math.max(0, q.limit()), settings.maxPageSize);
            // a LIMIT costs DuckDB ~0.3 ms even on a tiny table: leave it out when the page is the whole result
            boolean whole = offset == 0 && size >= totalRows;
            sql = "SELECT " + select + from + (order == null ? "" : " ORDER BY " + order)
                    + (whole ? "" : " LIMIT " + size + " OFFSET " + offset);
        }
        List<Object[]> rows = database.read(sql, names.size());
        long bytes = 0;
        for (Object[] row : rows) {
            for (Object v : row) {
                bytes += Database.textLength(v);
            }
        }
        long end = offset + rows.size();
        Long next = q.sampleCount() == null && end < totalRows ? end : null;
        return new ResultPage(names, types, rows, bytes, totalRows, totalBytes, next);
    }

    /** A page of an in-memory result: the requested columns of a slice of its rows. */
    private ResultPage memoryPage(Execution.Result result, List<String> names, List<String> types, ResultQuery q) {
        int[] picked = names.stream().mapToInt(result.columnNames()::indexOf).toArray();
        int size = Math.min(q.limit() == null ? settings.maxPageSize : Math.max(0, q.limit()), settings.maxPageSize);
        long total = result.rows().size();
        int from = (int) Math.min(Math.max(0, q.offset()), total);
        int to = (int) Math.min(total, (long) from + size);
        List<Object[]> rows = new ArrayList<>(to - from);
        long bytes = 0;
        long totalBytes = 0;
        for (int r = 0; r < total; r++) {
            Object[] source = result.rows().get(r);
            long rowBytes = 0;
            Object[] row = new Object[picked.length];
            for (int i = 0; i < picked.length; i++) {
                row[i] = source[picked[i]];
                rowBytes += Database.textLength(row[i]);
            }
            totalBytes += rowBytes;
            if (r >= from && r < to) {
                rows.add(row);
                bytes += rowBytes;
            }
        }
        return new ResultPage(names, types, rows, bytes, total, totalBytes, to < total ? (long) to : null);
    }
}

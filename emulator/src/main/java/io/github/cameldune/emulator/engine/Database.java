package io.github.cameldune.emulator.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBConnection;

/**
 * The embedded DuckDB: one in-memory database holding the sample data and, in the schema {@code results}, one table per
 * finished execution; uploaded tables live in the attached catalog {@code dune}. Each caller works on its own duplicated connection, as DuckDB wants for concurrent use.
 */
public final class Database implements AutoCloseable {

    private static final DateTimeFormatter DUNE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'");

    private final DuckDBConnection root;

    /** Opens an empty in-memory database. */
    public Database() {
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement s = root.createStatement()) {
                s.execute("CREATE SCHEMA results");
                // uploaded tables, queryable as dune.<namespace>.<table_name>
                s.execute("ATTACH ':memory:' AS dune");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open DuckDB", e);
        }
    }

    /** A new connection to the same database; close it after use. */
    public Connection connect() throws SQLException {
        return root.duplicate();
    }

    /** Runs statements (DDL, sample data) on a connection of its own. */
    public void run(String... sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String each : sql) {
                s.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB refused: " + e.getMessage(), e);
        }
    }

    /** The name under which an execution's rows are stored. */
    static String resultTable(String executionId) {
        return "results.\"" + executionId + "\"";
    }

    /** Describes a stored result: Dune's column names and types, row count and raw byte size. */
    Execution.Result describe(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
                types.add(duneType(md.getColumnTypeName(i)));
            }
        }
        long[] totals = totals(names, " FROM " + table);
        return new Execution.Result(table, List.copyOf(names), List.copyOf(types), totals[0], totals[1]);
    }

    /** Row count and raw byte size of some columns of a stored result, after a {@code FROM ... WHERE ...}. */
    long[] totals(List<String> columns, String from) throws SQLException {
        StringBuilder bytes = new StringBuilder("0");
        for (String name : columns) {
            bytes.append(" + coalesce(sum(length(CAST(").append(quote(name)).append(" AS VARCHAR))), 0)");
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), " + bytes + from)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /**
     * Runs a query and keeps its result in memory when it has at most {@code maxRows} rows; null when it has more.
     * A DuckDB table per execution costs more than the rest of a small run, and most results are small.
     */
    Execution.Result readSmall(Statement s, String table, String sql, int maxRows) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT * FROM (" + sql + ") AS q LIMIT " + (maxRows + 1))) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(md.getColumnName(i));
                types.add(duneType(md.getColumnTypeName(i)));
            }
            List<Object[]> rows = new ArrayList<>();
            long bytes = 0;
            while (rs.next()) {
                if (rows.size() == maxRows) {
                    return null;
                }
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = jsonValue(rs, i + 1, md.getColumnTypeName(i + 1));
                    bytes += textLength(row[i]);
                }
                rows.add(row);
            }
            return new Execution.Result(
                    table, List.copyOf(names), List.copyOf(types), rows.size(), bytes, List.copyOf(rows), sql);
        }
    }

    /** Creates the table of an in-memory result, once, for a request that filters, sorts or samples it. */
    synchronized void materialize(Execution.Result result) {
        run("CREATE TABLE IF NOT EXISTS " + result.table() + " AS " + result.sql());
    }

    /** Reads rows of a stored result, each value already in the JSON form Dune sends. */
    List<Object[]> read(String sql, int columnCount) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Object[] row = new Object[columnCount];
                for (int i = 0; i < columnCount; i++) {
                    row[i] = jsonValue(rs, i + 1, md.getColumnTypeName(i + 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Drops a stored result, e.g. when it expires. */
    void drop(String table) {
        run("DROP TABLE IF EXISTS " + table);
    }

    /** A value's size as Dune counts result bytes: the length of its text, 0 for null. */
    static long textLength(Object value) {
        return value == null ? 0 : value.toString().length();
    }

    /** Quotes an identifier for DuckDB. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Maps DuckDB's type names to the names Dune (Trino) reports in {@code column_types}. */
    static String duneType(String duckType) {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("TIMESTAMP")) {
            return "timestamp(3) with time zone";
        }
        if (t.startsWith("DECIMAL")) {
            return t.toLowerCase(Locale.ROOT);
        }
        return switch (t) {
            case "VARCHAR" -> "varchar";
            case "BIGINT", "UBIGINT", "UINTEGER" -> "bigint";
            case "INTEGER", "USMALLINT" -> "integer";
            case "SMALLINT", "UTINYINT" -> "smallint";
            case "TINYINT" -> "tinyint";
            case "DOUBLE" -> "double";
            case "FLOAT" -> "real";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "HUGEINT" -> "int256";
            case "UHUGEINT" -> "uint256";
            case "BLOB" -> "varbinary";
            default -> t.toLowerCase(Locale.ROOT);
        };
    }

    private static Object jsonValue(ResultSet rs, int i, String duckType) throws SQLException {
        String t = duckType.toUpperCase(Locale.ROOT);
        if (t.startsWith("TIMESTAMP")) {
            Object v = rs.getObject(i);
            if (v == null) {
                return null;
            }
            LocalDateTime time = v instanceof OffsetDateTime o
                    ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : rs.getObject(i, LocalDateTime.class);
            return DUNE_TIMESTAMP.format(time);
        }
        Object v = rs.getObject(i);
        if (v == null
                || v instanceof String
                || v instanceof Boolean
                || v instanceof Long
                || v instanceof Integer
                || v instanceof Double
                || v instanceof BigDecimal
                || v instanceof Short
                || v instanceof Byte) {
            return v;
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigInteger big) {
            // Dune sends 256-bit integers (raw token amounts) as decimal strings
            return t.endsWith("HUGEINT") ? big.toString() : big;
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof byte[] bytes) {
            return "0x" + java.util.HexFormat.of().formatHex(bytes);
        }
        if (v instanceof java.sql.Blob blob) {
            // Dune writes a varbinary as lower-case hex after 0x, in JSON and CSV alike
            return "0x" + java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        return v.toString();
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            // closing an in-memory database only frees memory
        }
    }
}

package io.github.cameldune.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Dune's uploaded tables on DuckDB: created with a typed schema, filled by inserts that are all-or-nothing (the whole
 * body is checked against the schema before one row is written), cleared, deleted, listed. A table is queryable from
 * saved queries and raw SQL as {@code dune.<namespace>.<table_name>}, as on Dune.
 */
public final class Uploads {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Types whose NDJSON values are JSON numbers or booleans, not strings. */
    private static final Set<String> JSON_NATIVE = Set.of("integer", "bigint", "double", "boolean");

    /** An uploaded table, as listed. */
    public record Table(
            String namespace,
            String name,
            List<UploadColumn> columns,
            String description,
            boolean isPrivate,
            Instant createdAt,
            Instant updatedAt,
            long bytes) {

        /** {@code dune.<namespace>.<table_name>}. */
        public String fullName() {
            return "dune." + namespace + "." + name;
        }
    }

    /** What a create did. */
    public enum Created {
        /** A new table. */
        CREATED,
        /** The same table existed already (same schema). */
        EXISTED,
        /** A table of that name exists with another schema. */
        CONFLICT
    }

    /** What an insert wrote: rows, and the bytes of the request body. */
    public record Written(long rows, long bytes) {}

    private final Database db;
    private final Credits credits;
    private final Map<String, Table> tables = new TreeMap<>();

    Uploads(Database db, Credits credits) {
        this.db = db;
        this.credits = credits;
    }

    /** Creates a table, or finds the same one. */
    public synchronized Created create(
            String namespace, String name, List<UploadColumn> schema, String description, boolean isPrivate) {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new InvalidRequestException("Invalid table name '" + name + "': it must begin with a lowercase "
                    + "letter and contain only lowercase letters, digits, and underscores");
        }
        if (schema == null || schema.isEmpty()) {
            throw new InvalidRequestException("The schema cannot be empty");
        }
        Set<String> names = new HashSet<>();
        for (UploadColumn c : schema) {
            if (!names.add(c.name())) {
                throw new InvalidRequestException("Column " + c.name() + " appears twice in the schema");
            }
        }
        Table existing = tables.get(key(namespace, name));
        if (existing != null) {
            return existing.columns().equals(schema) ? Created.EXISTED : Created.CONFLICT;
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + sqlName(namespace, name) + " (");
        for (int i = 0; i < schema.size(); i++) {
            UploadColumn c = schema.get(i);
            ddl.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(c.name())
                    .append("\" ")
                    .append(c.duckType())
                    .append(c.nullable() ? "" : " NOT NULL");
        }
        db.run(
                "CREATE SCHEMA IF NOT EXISTS dune.\"" + namespace + "\"",
                ddl.append(')').toString());
        Instant now = Instant.now();
        tables.put(
                key(namespace, name),
                new Table(namespace, name, List.copyOf(schema), description, isPrivate, now, now, 0));
        return Created.CREATED;
    }

    /**
     * Appends the rows of a CSV ({@code csv}) or NDJSON body; nothing is written unless every row fits the schema.
     *
     * @return empty when there is no such table
     */
    public Optional<Written> insert(String namespace, String name, boolean csv, byte[] body) throws SQLException {
        Table table;
        synchronized (this) {
            table = tables.get(key(namespace, name));
        }
        if (table == null) {
            return Optional.empty();
        }
        List<String[]> rows = csv ? csvRows(table, body) : ndjsonRows(table, body);
        // inserts into one table are serialised, as Dune does; the checked rows go through a file DuckDB reads itself
        synchronized (table) {
            try {
                write(table, rows);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot stage the rows: " + e.getMessage(), e);
            }
        }
        synchronized (this) {
            Table now = tables.get(key(namespace, name));
            if (now != null) {
                tables.put(key(namespace, name), grown(now, body.length));
            }
        }
        credits.written(body.length);
        return Optional.of(new Written(rows.size(), body.length));
    }

    /** Removes every row; false when there is no such table. */
    public synchronized boolean clear(String namespace, String name) {
        Table table = tables.get(key(namespace, name));
        if (table == null) {
            return false;
        }
        db.run("DELETE FROM " + sqlName(namespace, name));
        tables.put(
                key(namespace, name),
                new Table(
                        namespace,
                        name,
                        table.columns(),
                        table.description(),
                        table.isPrivate(),
                        table.createdAt(),
                        Instant.now(),
                        0));
        return true;
    }

    /** Drops the table; false when there is no such table. */
    public synchronized boolean delete(String namespace, String name) {
        if (tables.remove(key(namespace, name)) == null) {
            return false;
        }
        db.run("DROP TABLE " + sqlName(namespace, name));
        return true;
    }

    /** Drops every table (the emulator's reset). */
    public synchronized void dropAll() {
        for (Table t : List.copyOf(tables.values())) {
            delete(t.namespace(), t.name());
        }
    }

    /** Every table, by full name. */
    public synchronized List<Table> list() {
        return List.copyOf(tables.values());
    }

    /** The bytes stored in all tables (the bytes of the bodies inserted). */
    public synchronized long bytesStored() {
        return tables.values().stream().mapToLong(Table::bytes).sum();
    }

    private static Table grown(Table t, long bytes) {
        return new Table(
                t.namespace(),
                t.name(),
                t.columns(),
                t.description(),
                t.isPrivate(),
                t.createdAt(),
                Instant.now(),
                t.bytes() + bytes);
    }

    private static List<String[]> csvRows(Table table, byte[] body) {
        List<List<String>> lines = CsvRows.parse(new String(body, StandardCharsets.UTF_8));
        if (lines.isEmpty()) {
            throw new InvalidRequestException("The CSV has no header");
        }
        List<String> header = lines.get(0);
        int[] at = positions(table, header);
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (int r = 1; r < lines.size(); r++) {
            List<String> fields = lines.get(r);
            if (fields.size() != header.size()) {
                throw new InvalidRequestException(
                        "Row " + r + " has " + fields.size() + " fields, the header " + header.size());
            }
            String[] row = new String[at.length];
            for (int i = 0; i < at.length; i++) {
                row[i] = table.columns().get(i).text(fields.get(at[i]), r);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String[]> ndjsonRows(Table table, byte[] body) {
        List<String[]> rows = new ArrayList<>();
        long r = 0;
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            r++;
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (IOException e) {
                throw new InvalidRequestException("Row " + r + " is not a JSON object");
            }
            if (object == null || !object.isObject()) {
                throw new InvalidRequestException("Row " + r + " is not a JSON object");
            }
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            positions(table, keys);
            String[] row = new String[table.columns().size()];
            for (int i = 0; i < row.length; i++) {
                UploadColumn c = table.columns().get(i);
                JsonNode v = object.get(c.name());
                Object value = v.isNull()
                        ? null
                        : v.isTextual() ? v.asText() : v.isNumber() || v.isBoolean() ? v.asText() : v.toString();
                if (v.isTextual() && JSON_NATIVE.contains(c.type())) {
                    throw new InvalidRequestException("Row " + r + ", column " + c.name() + ": '" + v.asText()
                            + "' is a string, not a " + c.type() + " value");
                }
                row[i] = c.text(value, r);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Where each column of the table is among the given names, which must be the table's, each once. */
    private static int[] positions(Table table, List<String> names) {
        int[] at = new int[table.columns().size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = names.indexOf(table.columns().get(i).name());
            if (at[i] < 0) {
                throw new InvalidRequestException(
                        "Column " + table.columns().get(i).name() + " is missing");
            }
        }
        if (names.size() != at.length) {
            List<String> extra = new ArrayList<>(names);
            table.columns().forEach(c -> extra.remove(c.name()));
            throw new InvalidRequestException(
                    "Column " + (extra.isEmpty() ? "names repeat" : extra.get(0) + " is not in the table"));
        }
        return at;
    }

    private void write(Table table, List<String[]> rows) throws java.io.IOException, SQLException {
        java.nio.file.Path staged = java.nio.file.Files.createTempFile("dune-emulator-insert", ".csv");
        try {
            stage(rows, staged);
            try (Connection c = db.connect();
                    java.sql.Statement insert = c.createStatement()) {
                insert.execute(insertSql(table, staged));
            } catch (SQLException e) {
                throw new InvalidRequestException("The rows could not be written: " + e.getMessage());
            }
        } finally {
            java.nio.file.Files.deleteIfExists(staged);
        }
    }

    /** One statement reading the staged rows, each column cast (or unhexed) to its type: all of them or none. */
    private static String insertSql(Table table, java.nio.file.Path staged) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + sqlName(table.namespace(), table.name()) + " SELECT ");
        for (int i = 0; i < table.columns().size(); i++) {
            UploadColumn c = table.columns().get(i);
            String column = "c" + i;
            sql.append(i == 0 ? "" : ", ")
                    .append(
                            c.type().equals("varbinary")
                                    ? "unhex(" + column + ")"
                                    : "CAST(" + column + " AS " + c.duckType() + ")");
        }
        return sql.append(" FROM read_csv('")
                .append(staged.toString().replace("'", "''"))
                .append("', header = false, all_varchar = true, allow_quoted_nulls = false, quote = '\"', "
                        + "escape = '\"', delim = ',', columns = {")
                .append(columnsSpec(table))
                .append("})")
                .toString();
    }

    private static String columnsSpec(Table table) {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < table.columns().size(); i++) {
            spec.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
        }
        return spec.toString();
    }

    /** The checked rows as CSV: every value quoted, a null as an empty unquoted field. */
    private static void stage(List<String[]> rows, java.nio.file.Path file) throws java.io.IOException {
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    if (row[i] != null) {
                        out.write('"');
                        out.write(row[i].replace("\"", "\"\""));
                        out.write('"');
                    }
                }
                out.write('\n');
            }
        }
    }

    /** The table in DuckDB; names are checked against Dune's patterns before they get here. */
    private static String sqlName(String namespace, String name) {
        return "dune.\"" + namespace + "\".\"" + name + "\"";
    }

    private static String key(String namespace, String name) {
        return namespace + "." + name;
    }
}

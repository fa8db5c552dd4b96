package io.github.cameldune.emulator.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    /** What Dune answers to any CSV it cannot take (a bad column name, no header, a malformed row). */
    public static final String CSV_INVALID = "Core request validation failed, make sure you've given required "
            + "columns and followed formatting rules for the CSV (no special characters or digits in column names)";
    /** The prefix Dune gives a table made by a CSV upload. */
    public static final String CSV_PREFIX = "dataset_";

    private static final Pattern CSV_COLUMN = Pattern.compile("[a-z_][a-z0-9_]*");

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
    private final Settings settings;
    private final Map<String, Table> tables = new TreeMap<>();
    /** The bytes stored beside the uploaded tables (materialized views), which count against the same cap. */
    private final java.util.function.LongSupplier storedElsewhere;

    Uploads(Database db, Credits credits, Settings settings, java.util.function.LongSupplier storedElsewhere) {
        this.db = db;
        this.credits = credits;
        this.settings = settings;
        this.storedElsewhere = storedElsewhere;
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
        // Dune bills a table created by its size, at least 1 credit: an empty one costs the minimum
        credits.written(0);
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
        checkRoom(body.length, 0);
        List<String[]> rows = csv ? InsertRows.csv(table.columns(), body) : InsertRows.ndjson(table.columns(), body);
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

    /**
     * Creates {@code dataset_<name>} from a whole CSV, its column types inferred, or replaces that table and its rows
     * as Dune does: a CSV upload never appends. Column names must be Dune's safe ones (lowercase letters, digits and
     * underscores, not starting with a digit); anything Dune would refuse is an {@link InvalidRequestException} with
     * Dune's {@link #CSV_INVALID} text.
     */
    public Table uploadCsv(String namespace, String name, byte[] csv, String description, boolean isPrivate)
            throws IOException, SQLException {
        if (name == null || !TABLE_NAME.matcher(name).matches()) {
            throw new InvalidRequestException(CSV_INVALID);
        }
        String text = new String(csv, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        List<List<String>> header = CsvRows.parse(end < 0 ? text : text.substring(0, end));
        if (header.isEmpty()
                || header.get(0).stream()
                        .anyMatch(c -> !CSV_COLUMN.matcher(c.trim()).matches())) {
            throw new InvalidRequestException(CSV_INVALID);
        }
        String table = CSV_PREFIX + name;
        Path staged = Files.createTempFile("dune-emulator-upload", ".csv");
        try {
            Files.write(staged, csv);
            synchronized (this) {
                Table old = tables.get(key(namespace, table));
                checkRoom(csv.length, old == null ? 0 : old.bytes());
                List<UploadColumn> columns;
                try (Connection c = db.connect();
                        Statement sql = c.createStatement()) {
                    sql.execute("CREATE SCHEMA IF NOT EXISTS dune.\"" + namespace + "\"");
                    sql.execute("CREATE OR REPLACE TABLE " + sqlName(namespace, table) + " AS SELECT * FROM read_csv('"
                            + staged.toString().replace("'", "''") + "', header = true)");
                    columns = describe(sql, namespace, table);
                } catch (SQLException e) {
                    throw new InvalidRequestException(CSV_INVALID);
                }
                Instant now = Instant.now();
                Table made = new Table(
                        namespace,
                        table,
                        columns,
                        description,
                        isPrivate,
                        old == null ? now : old.createdAt(),
                        now,
                        csv.length);
                tables.put(key(namespace, table), made);
                credits.written(csv.length);
                return made;
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** The columns DuckDB inferred, each as the nearest of Dune's types. */
    private static List<UploadColumn> describe(Statement sql, String namespace, String table) throws SQLException {
        List<UploadColumn> columns = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("DESCRIBE " + sqlName(namespace, table))) {
            while (rs.next()) {
                columns.add(new UploadColumn(rs.getString("column_name"), duneType(rs.getString("column_type")), true));
            }
        }
        return columns;
    }

    private static String duneType(String duck) {
        String t = duck.toUpperCase(java.util.Locale.ROOT);
        return t.startsWith("TIMESTAMP")
                ? "timestamp"
                : t.startsWith("DECIMAL")
                        ? "double"
                        : switch (t) {
                            case "BIGINT" -> "bigint";
                            case "INTEGER", "SMALLINT", "TINYINT" -> "integer";
                            case "DOUBLE", "FLOAT" -> "double";
                            case "BOOLEAN" -> "boolean";
                            case "DATE" -> "date";
                            case "HUGEINT" -> "int256";
                            case "UHUGEINT" -> "uint256";
                            case "BLOB" -> "varbinary";
                            default -> "varchar";
                        };
    }

    /** Refuses a write of {@code bytes} (replacing {@code freed}) that would pass the plan's storage cap. */
    private synchronized void checkRoom(long bytes, long freed) {
        long used = bytesStored() + storedElsewhere.getAsLong() - freed;
        if (used + bytes > settings.storageLimit()) {
            throw new StorageFullException("Storage limit reached: " + used + " bytes stored, this write adds " + bytes
                    + " and the plan allows " + settings.storageLimit() + " (the emulator's answer: Dune documents "
                    + "the caps per plan, not the status or the message)");
        }
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

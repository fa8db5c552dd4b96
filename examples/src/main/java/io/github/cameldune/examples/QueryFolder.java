package io.github.cameldune.examples;

import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.dune.model.QueryParameter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of saved queries kept as code: {@code .sql} files in the form the emulator reads ({@code -- name:},
 * {@code -- description:}, {@code -- tags:}, {@code -- param: key type = default}, then SQL with {@code {{key}}}
 * placeholders), and beside them {@value #MAPPING}, which maps each file to its Dune query id and the hash of what was
 * deployed. {@link #plan()} compares the two: a new file is a create, a changed one an update, a removed one an
 * archive. Each deployed change is written to the mapping at once, so a deploy that stops half-way never creates a
 * query twice when it runs again.
 */
public final class QueryFolder {

    /** The mapping file beside the queries: {@code file.sql = <query id> <hash>} a line. */
    public static final String MAPPING = "dune-queries.properties";

    private static final Pattern HEADER = Pattern.compile("--\\s*(name|description|tags|param):\\s*(.*)");
    private static final Pattern PARAM =
            Pattern.compile("(\\w+)\\s+(text|number|datetime|enum\\(([^)]*)\\))\\s*=\\s*(.*)");

    /** What a change does, and the camel-dune operation that does it. */
    public enum Action {
        /** A new file: a new query. */
        CREATE("createQuery"),
        /** A changed file: a new version of its query. */
        UPDATE("updateQuery"),
        /** A removed file: its query archived. */
        ARCHIVE("archiveQuery");

        private final String operation;

        Action(String operation) {
            this.operation = operation;
        }

        /** The {@code dune:} operation, e.g. {@code createQuery}. */
        public String operation() {
            return operation;
        }
    }

    /**
     * One change to deploy.
     *
     * @param action  what it does
     * @param file    the file's name
     * @param queryId the query's id, null for a create
     * @param draft   the query's fields, null for an archive
     * @param hash    the hash of the file's text, null for an archive
     */
    public record Change(Action action, String file, Long queryId, QueryDraft draft, String hash) {}

    private final Path dir;

    /** The folder of {@code .sql} files. */
    public QueryFolder(Path dir) {
        this.dir = dir;
    }

    /** The changes that bring Dune to the folder: creates and updates by file name, then archives. */
    public synchronized List<Change> plan() {
        Map<String, String[]> deployed = mapping();
        List<Change> changes = new ArrayList<>();
        for (Path file : sqlFiles()) {
            String name = file.getFileName().toString();
            String text = read(file);
            String hash = hash(text);
            String[] was = deployed.remove(name);
            if (was == null) {
                changes.add(new Change(Action.CREATE, name, null, parse(name, text), hash));
            } else if (!was[1].equals(hash)) {
                changes.add(new Change(Action.UPDATE, name, Long.valueOf(was[0]), parse(name, text), hash));
            }
        }
        deployed.forEach(
                (name, was) -> changes.add(new Change(Action.ARCHIVE, name, Long.valueOf(was[0]), null, null)));
        return changes;
    }

    /** Records a change Dune made: the file's id and hash, or, for an archive, the file gone from the mapping. */
    public synchronized void deployed(Change change, long queryId) {
        Map<String, String[]> mapping = mapping();
        if (change.action() == Action.ARCHIVE) {
            mapping.remove(change.file());
        } else {
            mapping.put(change.file(), new String[] {String.valueOf(queryId), change.hash()});
        }
        Properties out = new Properties();
        mapping.forEach((name, v) -> out.setProperty(name, v[0] + " " + v[1]));
        StringWriter text = new StringWriter();
        try {
            out.store(text, null);
            // sorted and without the date Properties writes: a file kept in git changes only where a query did
            List<String> lines = text.toString()
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .sorted()
                    .toList();
            Files.writeString(
                    dir.resolve(MAPPING),
                    "# Dune query ids of the .sql files beside this one, written by the deploy; keep it with them\n"
                            + String.join("\n", lines) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deployed queries by file name. */
    public synchronized Map<String, Long> queryIds() {
        Map<String, Long> ids = new TreeMap<>();
        mapping().forEach((name, v) -> ids.put(name, Long.valueOf(v[0])));
        return ids;
    }

    /** A file's text as a query: its header lines give the fields, the rest is the SQL. */
    static QueryDraft parse(String file, String text) {
        String name = null;
        // the file is the whole query: what it leaves out is sent empty, so an update clears it too
        String description = "";
        List<String> tags = List.of();
        List<QueryParameter> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher h = HEADER.matcher(line.trim());
            if (sql.length() == 0 && h.matches()) {
                String value = h.group(2).trim();
                switch (h.group(1)) {
                    case "name" -> name = value;
                    case "description" -> description = value;
                    case "tags" ->
                        tags = Arrays.stream(value.split(",")).map(String::trim).toList();
                    default -> parameters.add(parameter(file, value));
                }
            } else if (sql.length() > 0 || !line.isBlank()) {
                sql.append(line).append('\n');
            }
        }
        if (name == null) {
            throw new IllegalArgumentException(file + ": a query needs a '-- name:' line");
        }
        return QueryDraft.of(name, sql.toString().strip())
                .withDescription(description)
                .withTags(tags)
                .withParameters(parameters)
                .checked();
    }

    private static QueryParameter parameter(String file, String spec) {
        Matcher p = PARAM.matcher(spec);
        if (!p.matches()) {
            throw new IllegalArgumentException(
                    file + ": cannot read parameter '" + spec + "', expected 'key type = default'");
        }
        String type = p.group(2).startsWith("enum") ? "enum" : p.group(2);
        List<String> options = p.group(3) == null
                ? null
                : Arrays.stream(p.group(3).split(",")).map(String::trim).toList();
        return new QueryParameter(
                p.group(1), QueryParameter.Type.of(type), p.group(4).trim(), options);
    }

    private Map<String, String[]> mapping() {
        Map<String, String[]> mapping = new TreeMap<>();
        Path file = dir.resolve(MAPPING);
        if (Files.exists(file)) {
            Properties in = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            in.stringPropertyNames()
                    .forEach(name ->
                            mapping.put(name, in.getProperty(name).trim().split("\\s+", 2)));
        }
        return mapping;
    }

    private List<Path> sqlFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.cameldune.emulator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saved queries the emulator knows, read from {@code .sql} files whose leading comment lines declare them:
 *
 * <pre>
 * -- id: 1001
 * -- name: Daily DEX volume by project
 * -- min_duration: 500ms
 * -- max_result_rows: 100000
 * -- param: blockchain enum(ethereum,arbitrum,base) = ethereum
 * -- param: start_date datetime = 2024-01-01 00:00:00
 * SELECT ... WHERE blockchain = '{{blockchain}}' AND block_time >= TIMESTAMP '{{start_date}}'
 * </pre>
 */
public final class QueryCatalog {

    /** Where the bundled queries live on the class path, with an index of their file names. */
    public static final String BUNDLED = "dune-emulator/queries/";

    private static final Pattern HEADER = Pattern.compile("^--\\s*([a-z_]+)\\s*:\\s*(.*?)\\s*$");
    private static final Pattern PARAM =
            Pattern.compile("^(\\w[\\w ]*?)\\s+(\\w+)(?:\\(([^)]*)\\))?\\s*(?:=\\s*(.*))?$");

    private final Map<Long, SavedQuery> queries = new ConcurrentSkipListMap<>();

    /** The queries bundled with the emulator (they run over the bundled sample data). */
    public static QueryCatalog bundled() {
        QueryCatalog catalog = new QueryCatalog();
        ClassLoader loader = QueryCatalog.class.getClassLoader();
        for (String file :
                read(loader.getResourceAsStream(BUNDLED + "index.txt"), "index").split("\\s+")) {
            if (!file.isBlank()) {
                catalog.add(parse(read(loader.getResourceAsStream(BUNDLED + file), file), file));
            }
        }
        return catalog;
    }

    /** Adds every {@code .sql} file of a folder, replacing bundled queries with the same id. */
    public QueryCatalog addFolder(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                add(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read saved queries from " + folder, e);
        }
        return this;
    }

    /** Adds or replaces a query. */
    public QueryCatalog add(SavedQuery query) {
        queries.put(query.id(), query);
        return this;
    }

    /** The query with this id, if there is one. */
    public Optional<SavedQuery> find(long id) {
        return Optional.ofNullable(queries.get(id));
    }

    /** All queries, by id. */
    public Collection<SavedQuery> all() {
        return queries.values();
    }

    /** Changes how long executions of a query take at the least. */
    public void setMinDuration(long id, Duration minDuration) {
        queries.computeIfPresent(id, (k, q) -> q.withMinDuration(minDuration));
    }

    /** Makes results of a query larger than this many rows end COMPLETED_PARTIAL (null: no limit). */
    public void setMaxResultRows(long id, Long maxResultRows) {
        queries.computeIfPresent(id, (k, q) -> q.withMaxResultRows(maxResultRows));
    }

    /** The queries as they are now, to {@link #restore} later. */
    public Map<Long, SavedQuery> snapshot() {
        return Map.copyOf(queries);
    }

    /** Puts back the queries of a {@link #snapshot}: queries added since are gone, changed ones as they were. */
    public void restore(Map<Long, SavedQuery> snapshot) {
        queries.clear();
        queries.putAll(snapshot);
    }

    /** Parses one query file; {@code source} names it in error messages. */
    public static SavedQuery parse(String text, String source) {
        Long id = null;
        String name = source;
        Duration minDuration = Duration.ZERO;
        Long maxResultRows = null;
        Map<String, QueryParameter> params = new LinkedHashMap<>();
        List<String> body = new ArrayList<>();
        boolean inHeader = true;
        for (String line : text.split("\\R")) {
            Matcher h = inHeader ? HEADER.matcher(line.trim()) : null;
            if (h != null && h.matches()) {
                String value = h.group(2);
                switch (h.group(1)) {
                    case "id" -> id = Long.parseLong(value);
                    case "name" -> name = value;
                    case "min_duration" -> minDuration = parseDuration(value);
                    case "max_result_rows" -> maxResultRows = Long.parseLong(value);
                    case "param" -> {
                        QueryParameter p = parseParam(value, source);
                        params.put(p.name(), p);
                    }
                    default -> {
                        /* other header lines (description, ...) are documentation */
                    }
                }
                continue;
            }
            if (inHeader && (line.isBlank() || line.trim().startsWith("--"))) {
                continue;
            }
            inHeader = false;
            body.add(line);
        }
        if (id == null || id <= 0) {
            throw new IllegalArgumentException(source + ": a saved query needs a positive '-- id:' line");
        }
        String sql = String.join("\n", body).trim();
        for (String used : SavedQuery.placeholders(sql)) {
            if (!params.containsKey(used)) {
                throw new IllegalArgumentException(
                        source + ": {{" + used + "}} is used but not declared with '-- param:'");
            }
        }
        return new SavedQuery(id, name, sql, java.util.Collections.unmodifiableMap(params), minDuration, maxResultRows);
    }

    private static QueryParameter parseParam(String spec, String source) {
        Matcher m = PARAM.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    source + ": cannot read parameter '" + spec + "', expected 'name type = default'");
        }
        List<String> options = m.group(3) == null
                ? List.of()
                : Arrays.stream(m.group(3).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String defaultValue = m.group(4) == null ? "" : m.group(4);
        return new QueryParameter(m.group(1).trim(), QueryParameter.parseType(m.group(2)), defaultValue, options);
    }

    /** Reads "250ms", "2s", "1m" or an ISO-8601 duration. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(
                    Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long)
                    (Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(
                    Long.parseLong(t.substring(0, t.length() - 1).trim()));
        }
        return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    private static String read(InputStream in, String what) {
        if (in == null) {
            throw new IllegalStateException("bundled saved query not found: " + what);
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

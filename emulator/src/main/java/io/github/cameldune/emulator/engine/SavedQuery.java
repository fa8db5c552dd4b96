package io.github.cameldune.emulator.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A saved query: its id, name, SQL in Dune's {@code {{parameter}}} syntax, declared parameters, the minimum time an
 * execution of it takes (so that waiting can be tested) and the most rows it keeps (more makes a partial result).
 *
 * @param maxResultRows the rows kept of a result; a larger result ends COMPLETED_PARTIAL; null for no limit
 */
public record SavedQuery(
        long id,
        String name,
        String sql,
        Map<String, QueryParameter> parameters,
        Duration minDuration,
        Long maxResultRows) {

    /** SQL ready to run, and the value each parameter took (the defaults included), as rendered into it. */
    public record Rendered(String sql, Map<String, String> values) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

    /**
     * Renders the SQL with the client's values over the declared defaults.
     *
     * @throws InvalidRequestException for unknown parameter names ({@code unknown parameters (a, b)}) or bad values
     */
    public Rendered render(Map<String, Object> values) {
        TreeSet<String> unknown = values.keySet().stream()
                .filter(name -> !parameters.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("unknown parameters (" + String.join(", ", unknown) + ")");
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        for (QueryParameter p : parameters.values()) {
            Object value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            rendered.put(p.name(), p.render(value));
        }
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = rendered.get(m.group(1));
            if (value == null) {
                throw new InvalidRequestException(
                        "query " + id + " uses {{" + m.group(1) + "}} but does not declare it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Rendered(out.toString(), Map.copyOf(rendered));
    }

    /** A copy with another minimum duration. */
    public SavedQuery withMinDuration(Duration value) {
        return new SavedQuery(id, name, sql, parameters, value, maxResultRows);
    }

    /** A copy that keeps at most this many rows of a result (null: all). */
    public SavedQuery withMaxResultRows(Long value) {
        return new SavedQuery(id, name, sql, parameters, minDuration, value);
    }

    /** The parameter names a query's SQL uses, in order of first use. */
    static List<String> placeholders(String sql) {
        return PLACEHOLDER
                .matcher(sql)
                .results()
                .map(r -> r.group(1))
                .distinct()
                .toList();
    }
}

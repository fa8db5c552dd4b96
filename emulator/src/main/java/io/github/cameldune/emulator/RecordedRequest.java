package io.github.cameldune.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the emulator received it, so tests can assert on what a client sent.
 *
 * @param method   the HTTP method
 * @param path     the raw path, e.g. {@code /api/v1/query/1001/execute}
 * @param rawQuery the raw query string, or null
 * @param headers  the headers, names in lower case
 * @param body     the body as UTF-8 text (empty when there was none)
 */
public record RecordedRequest(
        String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The decoded query parameters, in order, repeated keys kept. */
    public Map<String, List<String>> queryParameters() {
        return parseQuery(rawQuery);
    }

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Decodes a raw query string into its parameters, in order, repeated keys kept. */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }
}

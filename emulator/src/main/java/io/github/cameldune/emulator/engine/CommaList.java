package io.github.cameldune.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Dune's comma-separated lists ({@code columns}, {@code sort_by}): split at the commas outside double quotes, where a
 * name with special characters is quoted and a quote inside it doubled ({@code "a ""b"", c"}).
 */
public final class CommaList {

    private CommaList() {}

    /** The items, trimmed, quotes kept (a doubled quote toggles twice, so it never ends the quoting). */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    /** An item as a plain name: its surrounding quotes removed and doubled quotes made single. */
    public static String unquote(String item) {
        if (item.length() >= 2 && item.startsWith("\"") && item.endsWith("\"")) {
            return item.substring(1, item.length() - 1).replace("\"\"", "\"");
        }
        return item;
    }
}

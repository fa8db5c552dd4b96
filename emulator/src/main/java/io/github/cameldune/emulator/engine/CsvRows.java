package io.github.cameldune.emulator.engine;

import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV (comma, double quotes, CRLF or LF, an optional last line break) into rows of fields. */
final class CsvRows {

    private CsvRows() {}

    /** The rows of a CSV text, the header first; a quoted field may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                }
                case '\r' -> {
                    continue;
                }
                case '\n' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    any = false;
                    continue;
                }
                default -> field.append(c);
            }
            any = true;
        }
        if (quoted) {
            throw new InvalidRequestException("Invalid CSV: a quoted field is not closed");
        }
        if (any || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

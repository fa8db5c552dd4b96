package io.github.cameldune.emulator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An insert's body checked against a table's schema, whole, before anything is written: the CSV header or the NDJSON
 * keys must be the columns, each value must fit its column's type. The rows come back as the text DuckDB casts.
 */
final class InsertRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Types whose NDJSON values are JSON numbers or booleans, not strings. */
    private static final Set<String> JSON_NATIVE = Set.of("integer", "bigint", "double", "boolean");

    private InsertRows() {}

    static List<String[]> csv(List<UploadColumn> columns, byte[] body) {
        List<List<String>> lines = CsvRows.parse(new String(body, StandardCharsets.UTF_8));
        if (lines.isEmpty()) {
            throw new InvalidRequestException("The CSV has no header");
        }
        List<String> header = lines.get(0);
        int[] at = positions(columns, header);
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (int r = 1; r < lines.size(); r++) {
            List<String> fields = lines.get(r);
            if (fields.size() != header.size()) {
                throw new InvalidRequestException(
                        "Row " + r + " has " + fields.size() + " fields, the header " + header.size());
            }
            String[] row = new String[at.length];
            for (int i = 0; i < at.length; i++) {
                row[i] = columns.get(i).text(fields.get(at[i]), r);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String[]> ndjson(List<UploadColumn> columns, byte[] body) {
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
            positions(columns, keys);
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                UploadColumn c = columns.get(i);
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
    private static int[] positions(List<UploadColumn> columns, List<String> names) {
        int[] at = new int[columns.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = names.indexOf(columns.get(i).name());
            if (at[i] < 0) {
                throw new InvalidRequestException("Column " + columns.get(i).name() + " is missing");
            }
        }
        if (names.size() != at.length) {
            List<String> extra = new ArrayList<>(names);
            columns.forEach(c -> extra.remove(c.name()));
            throw new InvalidRequestException(
                    "Column " + (extra.isEmpty() ? "names repeat" : extra.get(0) + " is not in the table"));
        }
        return at;
    }
}

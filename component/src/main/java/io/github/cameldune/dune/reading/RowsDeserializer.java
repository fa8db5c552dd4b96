package io.github.cameldune.dune.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a page's rows compactly: Dune sends every row with the same keys in the same order, so the keys are kept once
 * per page and each row is an array of values. A page of 30,000 rows then takes less than half the memory of one map
 * per row, which in a small heap is the difference between a result that streams and one that stalls in garbage
 * collection. {@link ResultPage#inColumnOrder(Map)} turns each row into an ordinary map as the route takes it.
 */
final class RowsDeserializer extends JsonDeserializer<List<Map<String, Object>>> {

    /**
     * The attribute that asks for the rows to be streamed: its value, a {@code Supplier<InputStream>} of the whole
     * answer, is read again row by row as the route takes the rows ({@link StreamedRows}); here they are only checked
     * and counted.
     */
    static final String STREAMED = "camel-dune.streamed-rows";

    @Override
    public List<Map<String, Object>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return ctxt.reportInputMismatch(List.class, "rows must be an array, not %s", p.currentToken());
        }
        if (ctxt.getAttribute(STREAMED) instanceof Supplier<?> answer) {
            int count = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), count++) {
                if (t == JsonToken.START_OBJECT) {
                    p.skipChildren();
                } else if (t != JsonToken.VALUE_NULL) {
                    return ctxt.reportInputMismatch(List.class, "a row must be an object, not %s", t);
                }
            }
            @SuppressWarnings("unchecked")
            Supplier<InputStream> body = (Supplier<InputStream>) answer;
            return new StreamedRows(body, p.getCodec(), count);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Keys keys = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                rows.add(null);
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(List.class, "a row must be an object, not %s", t);
            }
            CompactRow row = readRow(p, keys);
            keys = row.keys;
            rows.add(row);
        }
        return rows;
    }

    /** One row; shares {@code shared} when the row has exactly those keys in that order. */
    static CompactRow readRow(JsonParser p, Keys shared) throws IOException {
        String[] keys = shared == null ? null : shared.names;
        List<String> ownKeys = null;
        Object[] values = new Object[keys == null ? 8 : keys.length];
        int n = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Object value = value(p);
            if (ownKeys == null && (keys == null || n >= keys.length || !keys[n].equals(name))) {
                // a row shaped differently (or the first one): it keeps its own keys
                ownKeys = new ArrayList<>(
                        keys == null ? List.of() : Arrays.asList(keys).subList(0, n));
            }
            if (ownKeys != null) {
                ownKeys.add(name);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.max(8, n * 2));
            }
            values[n++] = value;
        }
        if (ownKeys == null && keys != null && n == keys.length) {
            return new CompactRow(shared, values);
        }
        String[] rowKeys = ownKeys != null
                ? ownKeys.toArray(String[]::new)
                : keys == null ? new String[0] : Arrays.copyOf(keys, n);
        return new CompactRow(new Keys(rowKeys), n == values.length ? values : Arrays.copyOf(values, n));
    }

    /** The keys of rows, shared by the rows of a page, with where each column is among them (worked out once). */
    static final class Keys {
        final String[] names;
        private List<String> positionsFor;
        private int[] positions;

        Keys(String[] names) {
            this.names = names;
        }

        int indexOf(Object key) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }

        /** For each column, its index among the keys or -1; then -2 if some key is not a column. */
        synchronized int[] positions(List<String> columns) {
            if (positionsFor != columns) {
                int[] found = new int[columns.size() + 1];
                int matched = 0;
                for (int c = 0; c < columns.size(); c++) {
                    // a column named twice is placed once, at its first place (a map has a key once)
                    found[c] = columns.subList(0, c).contains(columns.get(c)) ? -1 : indexOf(columns.get(c));
                    matched += found[c] >= 0 ? 1 : 0;
                }
                found[columns.size()] = matched < names.length ? -2 : 0;
                positions = found;
                positionsFor = columns;
            }
            return positions;
        }
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            // arrays and objects (Dune's array and map columns) as Jackson reads any JSON
            default -> p.readValueAs(Object.class);
        };
    }

    /** A row as read: keys (shared by the rows of a page) and values, read-only. */
    static final class CompactRow extends AbstractMap<String, Object> {
        final Keys keys;
        final Object[] values;

        CompactRow(Keys keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        /** Any map as a row, e.g. of a page built by hand. */
        static CompactRow of(Map<String, Object> row) {
            return new CompactRow(
                    new Keys(row.keySet().toArray(String[]::new)), row.values().toArray());
        }

        /** An ordinary map of this row: the columns first, in their order, then any other key. */
        Map<String, Object> inOrder(List<String> columns) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(16, values.length * 2));
            int[] positions = keys.positions(columns);
            for (int c = 0; c < columns.size(); c++) {
                if (positions[c] >= 0) {
                    map.put(columns.get(c), values[positions[c]]);
                }
            }
            if (positions[columns.size()] == -2) {
                for (int i = 0; i < values.length; i++) {
                    map.putIfAbsent(keys.names[i], values[i]);
                }
            }
            return map;
        }

        @Override
        public Object get(Object key) {
            int i = keys.indexOf(key);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return keys.indexOf(key) >= 0;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return java.util.Collections.unmodifiableMap(inOrder(List.of())).entrySet();
        }
    }
}

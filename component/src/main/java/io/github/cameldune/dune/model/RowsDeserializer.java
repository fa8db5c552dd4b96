package io.github.cameldune.dune.model;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * Reads a page's rows compactly: Dune sends every row with the same keys in the same order, so the keys are kept once
 * per page and each row is an array of values. A page of 30,000 rows then takes less than half the memory of one map
 * per row, which in a small heap is the difference between a result that streams and one that stalls in garbage
 * collection. {@link ResultPage#inColumnOrder(Map)} turns each row into an ordinary map as the route takes it.
 */
final class RowsDeserializer extends JsonDeserializer<List<Map<String, Object>>> {

    @Override
    public List<Map<String, Object>> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return ctxt.reportInputMismatch(List.class, "rows must be an array, not %s", p.currentToken());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] keys = null;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == JsonToken.VALUE_NULL) {
                rows.add(null);
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(List.class, "a row must be an object, not %s", t);
            }
            CompactRow row = readRow(p, ctxt, keys);
            keys = row.keys;
            rows.add(row);
        }
        return rows;
    }

    /** One row; shares {@code keys} when the row has exactly those keys in that order. */
    private static CompactRow readRow(JsonParser p, DeserializationContext ctxt, String[] keys) throws IOException {
        List<String> ownKeys = null;
        Object[] values = new Object[keys == null ? 8 : keys.length];
        int n = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Object value = value(p, ctxt);
            if (ownKeys == null && (keys == null || n >= keys.length || !keys[n].equals(name))) {
                // a row shaped differently (or the first one): it keeps its own keys
                ownKeys = new ArrayList<>(keys == null ? List.of() : Arrays.asList(keys).subList(0, n));
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
            return new CompactRow(keys, values);
        }
        String[] rowKeys = ownKeys != null ? ownKeys.toArray(String[]::new)
                : keys == null ? new String[0] : Arrays.copyOf(keys, n);
        return new CompactRow(rowKeys, n == values.length ? values : Arrays.copyOf(values, n));
    }

    private static Object value(JsonParser p, DeserializationContext ctxt) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            // arrays and objects (Dune's array and map columns) as Jackson reads any JSON
            default -> ctxt.readValue(p, Object.class);
        };
    }

    /** A row as read: keys (shared by the rows of a page) and values, read-only. */
    static final class CompactRow extends AbstractMap<String, Object> {
        final String[] keys;
        final Object[] values;

        CompactRow(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        @Override
        public Object get(Object key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            for (String k : keys) {
                if (k.equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(16, keys.length * 2));
            for (int i = 0; i < keys.length; i++) {
                copy.put(keys[i], values[i]);
            }
            return java.util.Collections.unmodifiableMap(copy).entrySet();
        }
    }
}

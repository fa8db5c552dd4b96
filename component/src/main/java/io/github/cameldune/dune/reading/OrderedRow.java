package io.github.cameldune.dune.reading;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A row as a route gets it: the values of a compactly read row, in column order, without copying them into a new map
 * (one {@code LinkedHashMap} a row was a quarter of the cost of streaming a result). It is an ordinary map to the route:
 * the first change (a put, a remove, an entry's new value) copies it into a {@code LinkedHashMap} of its own, which
 * then holds the changes; serialized, it is that copy.
 */
final class OrderedRow extends AbstractMap<String, Object> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient RowsDeserializer.CompactRow row;
    private final transient List<String> columns;
    private final transient int[] positions;
    private LinkedHashMap<String, Object> copy;

    private OrderedRow(RowsDeserializer.CompactRow row, List<String> columns, int[] positions) {
        this.row = row;
        this.columns = columns;
        this.positions = positions;
    }

    /** The row in the columns' order; an ordinary map when the row has a key that is not a column. */
    static Map<String, Object> of(RowsDeserializer.CompactRow row, List<String> columns) {
        int[] positions = row.keys.positions(columns);
        return positions[columns.size()] == -2 ? row.inOrder(columns) : new OrderedRow(row, columns, positions);
    }

    private LinkedHashMap<String, Object> copy() {
        if (copy == null) {
            LinkedHashMap<String, Object> own = new LinkedHashMap<>(Math.max(16, row.values.length * 2));
            for (Entry<String, Object> e : entrySet()) {
                own.put(e.getKey(), e.getValue());
            }
            copy = own;
        }
        return copy;
    }

    @Override
    public Object get(Object key) {
        return copy != null ? copy.get(key) : row.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return copy != null ? copy.containsKey(key) : row.containsKey(key);
    }

    @Override
    public int size() {
        // every key of the row is a column (else it would be an ordinary map)
        return copy != null ? copy.size() : row.values.length;
    }

    @Override
    public Object put(String key, Object value) {
        return copy().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return copy().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        copy().putAll(m);
    }

    @Override
    public void clear() {
        copy().clear();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return copy != null ? copy.entrySet() : new Entries();
    }

    private Object writeReplace() {
        return new LinkedHashMap<>(this);
    }

    /** The entries in column order, over the row's values. */
    private final class Entries extends AbstractSet<Entry<String, Object>> {

        @Override
        public int size() {
            return row.values.length;
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            return new Iterator<>() {
                private int column = next(0);
                private String last;

                private int next(int from) {
                    int c = from;
                    while (c < columns.size() && positions[c] < 0) {
                        c++;
                    }
                    return c;
                }

                @Override
                public boolean hasNext() {
                    return column < columns.size();
                }

                @Override
                public Entry<String, Object> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    String key = columns.get(column);
                    Object value = row.values[positions[column]];
                    column = next(column + 1);
                    last = key;
                    return new SimpleEntry<>(key, value) {
                        @Override
                        public Object setValue(Object changed) {
                            super.setValue(changed);
                            return copy().put(key, changed);
                        }
                    };
                }

                @Override
                public void remove() {
                    if (last == null) {
                        throw new IllegalStateException();
                    }
                    copy().remove(last);
                    last = null;
                }
            };
        }
    }
}

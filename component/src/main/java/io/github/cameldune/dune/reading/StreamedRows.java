package io.github.cameldune.dune.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The rows of a page that is streamed: the answer was checked and its rows counted when it arrived, and each row is
 * read from the answer's bytes only when the route takes it. So only the bytes of a page stay in memory while the
 * route works through it, and each row's objects live as long as the route keeps them: a page of 30,000 rows read at
 * once was 12 MB of objects that outlived several collections, and the collector's copying of them took more time
 * than reading them.
 */
final class StreamedRows extends AbstractList<Map<String, Object>> {

    private final Supplier<InputStream> answer;
    private final ObjectCodec codec;
    private final int size;
    private List<Map<String, Object>> all;

    StreamedRows(Supplier<InputStream> answer, ObjectCodec codec, int size) {
        this.answer = answer;
        this.codec = codec;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    /** Any use but iteration reads every row once and keeps them. */
    @Override
    public synchronized Map<String, Object> get(int index) {
        if (all == null) {
            List<Map<String, Object>> rows = new ArrayList<>(size);
            new Rows().forEachRemaining(rows::add);
            all = rows;
        }
        return all.get(index);
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        return all != null ? all.iterator() : new Rows();
    }

    /** The rows, read from the answer again: to the rows of its result, then one row at a time. */
    private final class Rows implements Iterator<Map<String, Object>> {
        private final JsonParser p;
        private RowsDeserializer.Keys keys;
        private int read;

        Rows() {
            try {
                p = codec.getFactory().createParser(answer.get());
                p.setCodec(codec);
                if (!toField(p, "result") || !toField(p, "rows") || p.currentToken() != JsonToken.START_ARRAY) {
                    throw new IllegalStateException("the rows are not where they were in the answer");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the answer could not be read again", e);
            }
        }

        /** Moves into the object at hand to the value of {@code field}, skipping every other field. */
        private static boolean toField(JsonParser p, String field) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT && p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field)) {
                    return true;
                }
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
            return false;
        }

        @Override
        public boolean hasNext() {
            return read < size;
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                RowsDeserializer.CompactRow row = null;
                if (p.nextToken() != JsonToken.VALUE_NULL) {
                    row = RowsDeserializer.readRow(p, keys);
                    keys = row.keys;
                }
                if (++read == size) {
                    p.close();
                }
                return row;
            } catch (IOException e) {
                throw new UncheckedIOException("the answer could not be read again", e);
            }
        }
    }
}

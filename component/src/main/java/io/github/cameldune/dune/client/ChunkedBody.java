package io.github.cameldune.dune.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;

/**
 * A response body kept as a list of small arrays. A page of results can be several megabytes; one growing array
 * would copy it over and over, and in a small heap such large arrays fragment memory until allocation fails. Small
 * chunks are read back as a stream, so nothing ever holds the page in one piece.
 */
public final class ChunkedBody {

    private static final int CHUNK = 32 * 1024;

    private final List<byte[]> chunks;
    private final long length;

    private ChunkedBody(List<byte[]> chunks, long length) {
        this.chunks = chunks;
        this.length = length;
    }

    /** An in-memory body, for tests and small answers. */
    public static ChunkedBody of(byte[] bytes) {
        return new ChunkedBody(List.of(bytes), bytes.length);
    }

    /** The body's size in bytes. */
    public long length() {
        return length;
    }

    /** The body from its first byte. */
    public InputStream stream() {
        return new InputStream() {
            private int chunk;
            private int position;

            @Override
            public int read() {
                if (!ready()) {
                    return -1;
                }
                return chunks.get(chunk)[position++] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!ready()) {
                    return -1;
                }
                byte[] current = chunks.get(chunk);
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, buffer, offset, n);
                position += n;
                return n;
            }

            /** Each chunk written as it is, instead of through an 8 KB copy: a page to a file in a few writes. */
            @Override
            public long transferTo(OutputStream out) throws IOException {
                long n = 0;
                while (ready()) {
                    byte[] current = chunks.get(chunk);
                    out.write(current, position, current.length - position);
                    n += current.length - position;
                    position = current.length;
                }
                return n;
            }

            private boolean ready() {
                while (chunk < chunks.size() && position >= chunks.get(chunk).length) {
                    chunk++;
                    position = 0;
                }
                return chunk < chunks.size();
            }
        };
    }

    /** The first {@code max} bytes as UTF-8 text (error messages are short; pages are never read this way). */
    public String text(int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = stream()) {
            byte[] buffer = new byte[Math.min(max, CHUNK)];
            int n;
            while (out.size() < max && (n = in.read(buffer, 0, Math.min(buffer.length, max - out.size()))) > 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // an in-memory stream does not fail
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Collects a response body into chunks as HttpClient delivers it. */
    static final class Consumer extends AbstractBinAsyncEntityConsumer<ChunkedBody> {

        private final long maxBytes;
        private final List<byte[]> chunks = new ArrayList<>();
        /** Allocated when the body starts arriving, not when the request is queued for a connection. */
        private byte[] current;

        private int filled;
        private long length;

        /** @param maxBytes the largest body to keep; a larger one fails the request with {@link TooLarge} */
        Consumer(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        protected void streamStart(ContentType contentType) {
            // the content type is read from the response head where it matters
        }

        @Override
        protected int capacityIncrement() {
            // a window, not a buffer: a small one makes the I/O reactor pause and resume the socket every 32 KB
            return Integer.MAX_VALUE;
        }

        @Override
        protected void data(ByteBuffer src, boolean endOfStream) throws TooLarge {
            if (length + src.remaining() > maxBytes) {
                // the connection is dropped with the request: nothing more of this answer is read
                throw new TooLarge(maxBytes);
            }
            if (current == null && src.hasRemaining()) {
                // a small answer (a status) mostly comes in one read: a first chunk of its size, not a zeroed 32 KB
                current = new byte[Math.min(CHUNK, Math.max(src.remaining(), 1024))];
            }
            while (src.hasRemaining()) {
                if (filled == current.length) {
                    chunks.add(current);
                    current = new byte[CHUNK];
                    filled = 0;
                }
                int n = Math.min(src.remaining(), current.length - filled);
                src.get(current, filled, n);
                filled += n;
                length += n;
            }
        }

        @Override
        protected ChunkedBody generateContent() {
            if (current != null && filled > 0) {
                chunks.add(filled == current.length ? current : Arrays.copyOf(current, filled));
            }
            current = null;
            return new ChunkedBody(chunks, length);
        }

        @Override
        public void releaseResources() {
            current = null;
        }
    }

    /** An answer larger than the component's {@code maxAnswerSize}. */
    static final class TooLarge extends java.io.IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("the answer is larger than maxAnswerSize (" + maxBytes + " bytes)");
            this.maxBytes = maxBytes;
        }
    }
}

package io.github.cameldune.dune;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.cameldune.dune.client.CsvPage;

/**
 * A CSV result as one stream: page after page, each fetched when the previous one has been read, the header line of
 * every page but the first skipped. {@code to("file:...")} writes any size with one page in memory.
 */
final class PagedCsv extends InputStream {

    private final Function<CsvPage, CompletableFuture<CsvPage>> next;
    private final Duration pageTimeout;
    private CsvPage page;
    private byte[] data;
    private int position;

    PagedCsv(CsvPage first, Function<CsvPage, CompletableFuture<CsvPage>> next, Duration pageTimeout) {
        this.page = first;
        this.data = first.data();
        this.next = next;
        this.pageTimeout = pageTimeout;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return data[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, data.length - position);
        System.arraycopy(data, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return data.length - position;
    }

    /** Makes unread bytes available, fetching pages as needed; false at the end of the last page. */
    private boolean fill() throws IOException {
        while (position >= data.length) {
            if (!page.hasNextPage()) {
                return false;
            }
            try {
                page = Pages.await(next.apply(page), pageTimeout, "resultsCsv", page.target().executionId());
            } catch (RuntimeException e) {
                throw new IOException(e.getMessage(), e);
            }
            data = page.data();
            position = afterHeaderLine(data);
        }
        return true;
    }

    private static int afterHeaderLine(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }
}

package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.CsvPage;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * A CSV result as one stream: page after page, the header line of every page but the first skipped. While the route
 * reads one page, the next is already on its way (one page ahead, no more), so downloading and writing overlap and
 * {@code to("file:...")} writes any size with at most two pages in memory.
 * <p>
 * It is its own {@link StreamCache}, so Camel's stream caching (on by default, in memory) does not copy the whole
 * result before the next step. Reading it again ({@link #reset()}, {@link #copy}) starts over from the first page and
 * fetches the later pages again, which Dune bills as a new export.
 */
final class PagedCsv extends InputStream implements StreamCache {

    private final CsvPage first;
    private final Function<CsvPage, CompletableFuture<CsvPage>> next;
    private final Duration pageTimeout;
    private CsvPage page;
    private CompletableFuture<CsvPage> following;
    private InputStream data;
    private long position;

    PagedCsv(CsvPage first, Function<CsvPage, CompletableFuture<CsvPage>> next, Duration pageTimeout) {
        this.first = first;
        this.next = next;
        this.pageTimeout = pageTimeout;
        reset();
    }

    @Override
    public int read() throws IOException {
        ahead();
        int b;
        while ((b = data.read()) < 0) {
            if (!nextPage()) {
                return -1;
            }
        }
        position++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ahead();
        int n;
        while ((n = data.read(buffer, offset, length)) < 0) {
            if (!nextPage()) {
                return -1;
            }
        }
        position += n;
        return n;
    }

    /** Page after page, each written in the chunks it arrived in (see {@code ChunkedBody}). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        ahead();
        long total = 0;
        do {
            long n = data.transferTo(out);
            position += n;
            total += n;
        } while (nextPage());
        return total;
    }

    /** Moves to the next page past its header line; false after the last page. */
    private boolean nextPage() throws IOException {
        ahead();
        if (following == null) {
            return false;
        }
        try {
            CsvPage arrived = Futures.await(
                    following, pageTimeout, DuneCall.RESULTS_CSV, page.target().executionId());
            String stuck = Paging.stuck(page.nextOffset(), page.nextUri(), arrived.nextOffset(), arrived.nextUri());
            if (stuck != null) {
                throw new DuneApiException(
                        new DuneApiException.Failure(
                                DuneCall.RESULTS_CSV, null, page.target().executionId(), 200, stuck, null),
                        null);
            }
            moveTo(arrived);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (int b = data.read(); b >= 0 && b != '\n'; b = data.read()) {
            // the header line, already given by the first page
        }
        return true;
    }

    /** Reads this page from its start; the next is asked for once this one is read. */
    private void moveTo(CsvPage current) {
        page = current;
        data = current.data().stream();
        following = null;
    }

    /**
     * Asks for the next page as the route starts reading this one: not before, so that Camel's own resets of the
     * stream, which read nothing, fetch nothing.
     */
    private void ahead() {
        if (following == null && page.hasNextPage()) {
            following = next.apply(page);
        }
    }

    @Override
    public void reset() {
        position = 0;
        moveTo(first);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        transferTo(out);
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        return new PagedCsv(first, next, pageTimeout);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    /** Unknown until every page has been read. */
    @Override
    public long length() {
        return 0;
    }

    @Override
    public long position() {
        return position;
    }
}

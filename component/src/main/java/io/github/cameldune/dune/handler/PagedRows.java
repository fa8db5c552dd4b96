package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.model.ResultPage;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Every row of a result, page after page. While the rows of one page are used, the next page is already on its way
 * (one page ahead, no more), so downloading and processing overlap and any size flows through
 * {@code split(body()).streaming()} with at most two pages in memory.
 */
final class PagedRows implements Iterator<Map<String, Object>> {

    private final Function<ResultPage, CompletableFuture<ResultPage>> next;
    private final Duration pageTimeout;
    private ResultPage page;
    private Iterator<Map<String, Object>> rows;
    private CompletableFuture<ResultPage> following;

    PagedRows(ResultPage first, Function<ResultPage, CompletableFuture<ResultPage>> next, Duration pageTimeout) {
        this.next = next;
        this.pageTimeout = pageTimeout;
        moveTo(first);
    }

    private void moveTo(ResultPage current) {
        page = current;
        rows = current.rows().iterator();
        following = current.hasNextPage() ? next.apply(current) : null;
    }

    @Override
    public boolean hasNext() {
        while (!rows.hasNext() && following != null) {
            ResultPage arrived = Futures.await(following, pageTimeout, DuneCall.RESULTS, page.executionId());
            checkProgress(page, arrived);
            moveTo(arrived);
        }
        return rows.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        // in column order one row at a time: the new map lives only as long as the route keeps it
        return page.inColumnOrder(rows.next());
    }

    /** An empty page that points back where it started would loop forever: treat it as a broken answer. */
    static void checkProgress(ResultPage previous, ResultPage next) {
        if (next.rows().isEmpty()
                && next.hasNextPage()
                && next.nextOffset() != null
                && previous.nextOffset() != null
                && next.nextOffset() <= previous.nextOffset()) {
            throw new DuneApiException(
                    new DuneApiException.Failure(
                            DuneCall.RESULTS,
                            next.queryId(),
                            next.executionId(),
                            200,
                            "the next page makes no progress (offset " + next.nextOffset() + ")",
                            null),
                    null);
        }
    }
}

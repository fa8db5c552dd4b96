package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.model.ResultPage;
import io.github.cameldune.dune.reading.ReadPath;
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
    private long rowsSoFar;

    PagedRows(ResultPage first, Function<ResultPage, CompletableFuture<ResultPage>> next, Duration pageTimeout) {
        this.next = next;
        this.pageTimeout = pageTimeout;
        this.rowsSoFar = first.rows().size();
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
            rowsSoFar += arrived.rows().size();
            checkProgress(page, arrived, rowsSoFar);
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
        return ReadPath.inColumnOrder(page, rows.next());
    }

    /**
     * A next pointer that does not move on would be followed forever (and a stream would repeat rows without end): a
     * next offset that does not grow, the same next URI twice, or more rows than the result's total fail as a broken
     * answer.
     *
     * @param rowsSoFar the rows of every page up to and including {@code next}
     */
    static void checkProgress(ResultPage previous, ResultPage next, long rowsSoFar) {
        String stuck = Paging.stuck(previous.nextOffset(), previous.nextUri(), next.nextOffset(), next.nextUri());
        Long total = next.metadata() == null ? null : next.metadata().totalRowCount();
        if (stuck == null && total != null && rowsSoFar > total) {
            stuck = "the pages hold more rows (" + rowsSoFar + ") than the result (" + total + ")";
        }
        if (stuck != null) {
            throw new DuneApiException(
                    new DuneApiException.Failure(
                            DuneCall.RESULTS, next.queryId(), next.executionId(), 200, stuck, null),
                    null);
        }
    }
}

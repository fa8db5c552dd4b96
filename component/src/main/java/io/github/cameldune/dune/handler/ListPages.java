package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.exception.DuneApiException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.camel.Message;

/**
 * The lists Dune pages (queries, materialized views, datasets, searches): one page as the body with where the next
 * starts ({@code CamelDuneNextOffset}) and how many there are ({@code CamelDuneTotal}), or, with {@code fetchAll}, every
 * page's entries in one body, each next page asked for only after the one before answered.
 */
final class ListPages {

    /** Pages a fetchAll reads at most: a list that never ends fails rather than reading forever. */
    static final int MAX_PAGES = 10_000;

    /**
     * What a kind of page says about paging.
     *
     * @param <P> the page's type
     */
    interface Kind<P> {
        /** Where the next page starts, or null when this is the last; {@code offset} is this page's. */
        Long next(P page, long offset);

        /** How many entries there are in all, or null when Dune does not say. */
        Long total(P page);

        /** One page holding the entries of {@code first} and then of {@code rest}. */
        P merge(P first, P rest);
    }

    private ListPages() {}

    /**
     * Reads the list onto the message.
     *
     * @param offset where to start, or null for the first page
     * @param fetch  reads the page at an offset (null: Dune's first)
     */
    static <P> CompletableFuture<Void> read(
            Message in,
            DuneCall call,
            boolean all,
            Long offset,
            Function<Long, CompletableFuture<P>> fetch,
            Kind<P> kind) {
        long start = offset == null ? 0 : offset;
        CompletableFuture<P> first = fetch.apply(offset);
        CompletableFuture<P> body = all ? following(call, first, start, fetch, kind, 1) : first;
        return body.thenAccept(page -> {
            Long next = all ? null : kind.next(page, start);
            set(in, DuneConstants.NEXT_OFFSET, next);
            set(in, DuneConstants.TOTAL, kind.total(page));
            in.setBody(page);
        });
    }

    private static <P> CompletableFuture<P> following(
            DuneCall call,
            CompletableFuture<P> current,
            long offset,
            Function<Long, CompletableFuture<P>> fetch,
            Kind<P> kind,
            int pages) {
        return current.thenCompose(page -> {
            Long next = kind.next(page, offset);
            if (next == null) {
                return CompletableFuture.completedFuture(page);
            }
            String stuck = Paging.stuck(offset, null, next, null);
            if (stuck == null && pages >= MAX_PAGES) {
                stuck = "the list goes on past " + MAX_PAGES + " pages";
            }
            if (stuck != null) {
                throw new DuneApiException(new DuneApiException.Failure(call, null, null, 200, stuck, null), null);
            }
            return following(call, fetch.apply(next), next, fetch, kind, pages + 1)
                    .thenApply(rest -> kind.merge(page, rest));
        });
    }

    private static void set(Message in, String header, Object value) {
        if (value == null) {
            in.removeHeader(header);
        } else {
            in.setHeader(header, value);
        }
    }
}

package io.github.cameldune.dune;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cameldune.dune.exception.DuneApiException;

/** Waiting for one page where a route pulls rows or bytes: the only place camel-dune blocks, on a route's thread. */
final class Pages {

    private Pages() {
    }

    static <T> T await(CompletableFuture<T> page, Duration timeout, String operation, String executionId) {
        try {
            return page.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new DuneApiException(failure(operation, executionId, String.valueOf(e.getCause())), e.getCause());
        } catch (TimeoutException e) {
            page.cancel(true);
            throw new DuneApiException(failure(operation, executionId, "no page within " + timeout.toMillis() + " ms"),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DuneApiException(failure(operation, executionId, "interrupted"), e);
        }
    }

    private static DuneApiException.Failure failure(String operation, String executionId, String why) {
        return new DuneApiException.Failure(operation, null, executionId, 0, why, null);
    }
}

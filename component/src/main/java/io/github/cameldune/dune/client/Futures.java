package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneApiException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the rest of camel-dune needs to know about the futures of {@link DuneClient}. */
public final class Futures {

    private Futures() {}

    /**
     * The failure behind an error a future completed with: a stage that passes a failure on wraps it in a
     * {@link CompletionException}.
     */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /**
     * Waits for a future on the calling thread, for the places where a caller pulls data synchronously (the next page
     * of a stream a route iterates, the health check, a consumer's poll); a call that gives no answer in time fails as
     * one that got none.
     */
    public static <T> T await(CompletableFuture<T> future, Duration timeout, DuneCall call, String executionId) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : noAnswer(call, executionId, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw noAnswer(call, executionId, "no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw noAnswer(call, executionId, "interrupted", e);
        }
    }

    /**
     * Sends a request and hands its answer or its failure (unwrapped) to one of two callbacks, for a loop that reacts
     * to each answer, as polling does; whatever the request or a callback throws fails {@code loop} instead of being
     * lost on an I/O thread.
     */
    public static <T> void react(
            java.util.function.Supplier<CompletableFuture<T>> request,
            java.util.function.Consumer<T> onAnswer,
            java.util.function.Consumer<Throwable> onFailure,
            CompletableFuture<?> loop) {
        try {
            request.get().whenComplete((answer, error) -> {
                try {
                    if (error != null) {
                        onFailure.accept(cause(error));
                    } else {
                        onAnswer.accept(answer);
                    }
                } catch (Throwable t) {
                    loop.completeExceptionally(t);
                }
            });
        } catch (Throwable t) {
            loop.completeExceptionally(t);
        }
    }

    private static DuneApiException noAnswer(DuneCall call, String executionId, String why, Throwable cause) {
        return DuneApiException.of(new DuneApiException.Failure(call, null, executionId, 0, why, null), cause);
    }
}

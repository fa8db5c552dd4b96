package io.github.cameldune.dune.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Everything a component has in flight: each request waiting for Dune (or for its rate-limit slot or retry) and each
 * wait for an execution. When the component stops, whatever is still open is ended with the typed exception it
 * registered, so no exchange is left pending and no queued task is dropped silently.
 */
public final class InFlight {

    /** What an open piece of work ends with when the component stops, and the execution it is about (or null). */
    private record Open(Supplier<? extends Throwable> onStop, String executionId) {}

    private final Map<CompletableFuture<?>, Open> open = new ConcurrentHashMap<>();

    /**
     * Tracks a future until it completes.
     *
     * @param executionId the execution a wait is about, to name in the stop's warning; null for a request
     * @param onStop      the exception it ends with if the component stops first
     */
    public void track(CompletableFuture<?> work, String executionId, Supplier<? extends Throwable> onStop) {
        open.put(work, new Open(onStop, executionId));
        work.whenComplete((value, error) -> open.remove(work));
    }

    /** Ends everything still open; returns the execution ids of the waits it ended. */
    public List<String> endAll() {
        List<String> executions = new ArrayList<>();
        for (Map.Entry<CompletableFuture<?>, Open> e : List.copyOf(open.entrySet())) {
            if (e.getKey().completeExceptionally(e.getValue().onStop().get())
                    && e.getValue().executionId() != null) {
                executions.add(e.getValue().executionId());
            }
        }
        return executions;
    }

    /** Waits, at most {@code timeout}, until nothing is open any more (the cancels sent at the stop, say). */
    public boolean awaitNone(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return open.isEmpty();
    }

    /** How many pieces of work are open. */
    public int size() {
        return open.size();
    }
}

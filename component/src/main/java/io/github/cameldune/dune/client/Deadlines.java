package io.github.cameldune.dune.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole-answer deadlines of a component's requests in flight, checked every {@value #TICK_MILLIS} ms by one task on
 * the scheduler while there are requests, instead of a timer per request: scheduling and cancelling a timer woke the
 * scheduler's thread at every request, which cost more CPU than the rest of a status call. A deadline fires at most
 * one tick late; the task stops after a second without requests and starts again with the next.
 */
public final class Deadlines {

    static final long TICK_MILLIS = 25;
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS);
    private static final long IDLE = TimeUnit.SECONDS.toNanos(1);

    private final Set<Entry> open = ConcurrentHashMap.newKeySet();
    /** The scheduler the sweep runs on, null while it does not run. */
    private volatile ScheduledExecutorService sweeping;

    private ScheduledFuture<?> sweep;
    private long idleSince;

    private record Entry(long deadline, Runnable expire) {}

    /**
     * Runs {@code expire} once {@code deadline} has passed, unless {@code work} completed first.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the scheduler is shut down (the component stops)
     */
    void add(ScheduledExecutorService scheduler, CompletableFuture<?> work, Duration deadline, Runnable expire) {
        Entry entry = new Entry(System.nanoTime() + deadline.toNanos(), expire);
        open.add(entry);
        work.whenComplete((value, error) -> open.remove(entry));
        if (sweeping != scheduler) {
            start(scheduler);
        }
    }

    /** Requests whose deadline is being watched. */
    int watched() {
        return open.size();
    }

    /** Whether the sweep task is scheduled (false once it rested). */
    boolean isSweeping() {
        return sweeping != null;
    }

    private synchronized void start(ScheduledExecutorService scheduler) {
        if (sweeping == scheduler) {
            return;
        }
        if (sweep != null) {
            sweep.cancel(false);
        }
        sweep = scheduler.scheduleWithFixedDelay(this::sweep, TICK, TICK, TimeUnit.NANOSECONDS);
        idleSince = 0;
        sweeping = scheduler;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Entry entry : open) {
            if (now - entry.deadline() >= 0 && open.remove(entry)) {
                entry.expire().run();
            }
        }
        synchronized (this) {
            if (!open.isEmpty()) {
                idleSince = 0;
            } else if (idleSince == 0) {
                idleSince = now;
            } else if (now - idleSince > IDLE) {
                ScheduledExecutorService scheduler = sweeping;
                sweep.cancel(false);
                sweep = null;
                sweeping = null;
                // a request added while this decided to stop saw the sweep running: start it again for that one
                if (!open.isEmpty() && scheduler != null) {
                    try {
                        start(scheduler);
                    } catch (java.util.concurrent.RejectedExecutionException stopping) {
                        // the component stops: its stop ends the requests in flight
                    }
                }
            }
        }
    }
}

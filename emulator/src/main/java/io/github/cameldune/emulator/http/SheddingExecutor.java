package io.github.cameldune.emulator.http;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The JDK server's executor: each request is a task, run by the workers while fewer than
 * {@code maxRequestsInFlight} are queued or running. One more is run at once by a shedder thread, which marks it so
 * that the server answers {@code 503} without reading it: a flood of connections gets quick refusals, not a queue that
 * keeps the emulator silent for minutes, and it answers normally as soon as the flood drains.
 */
final class SheddingExecutor implements Executor, AutoCloseable {

    private static final ThreadLocal<Boolean> SHEDDING = new ThreadLocal<>();

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor shedders;
    private final IntSupplier maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    SheddingExecutor(int workerThreads, IntSupplier maxInFlight) {
        this.maxInFlight = maxInFlight;
        this.workers = pool(workerThreads, "dune-emulator-http-");
        this.shedders = pool(2, "dune-emulator-shed-");
        // all threads up front, so a client's thread counts measured while the emulator runs stay its own
        workers.prestartAllCoreThreads();
        shedders.prestartAllCoreThreads();
    }

    private static ThreadPoolExecutor pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Whether the request this thread runs is to be shed: answered 503 at once. */
    static boolean isShedding() {
        return Boolean.TRUE.equals(SHEDDING.get());
    }

    @Override
    public void execute(Runnable request) {
        if (inFlight.incrementAndGet() <= maxInFlight.getAsInt()) {
            workers.execute(() -> {
                try {
                    request.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
            return;
        }
        inFlight.decrementAndGet();
        shedders.execute(() -> {
            SHEDDING.set(Boolean.TRUE);
            try {
                request.run();
            } finally {
                SHEDDING.remove();
            }
        });
    }

    /** Requests queued or running on the workers now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        shedders.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

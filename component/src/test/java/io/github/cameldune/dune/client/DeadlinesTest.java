package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One sweep for every request's deadline: it fires once, only for work not done, and rests when nothing is open. */
class DeadlinesTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    {
        // as the component's poller: a cancelled task leaves the queue
        scheduler.setRemoveOnCancelPolicy(true);
    }

    private final Deadlines deadlines = new Deadlines();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aDeadlineFiresOnceAndWithinATickOfItsTime() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        CompletableFuture<Void> work = new CompletableFuture<>();
        long start = System.nanoTime();
        deadlines.add(scheduler, work, Duration.ofMillis(200), () -> {
            fired.incrementAndGet();
            work.complete(null);
        });
        work.get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        Thread.sleep(3 * Deadlines.TICK_MILLIS);
        assertThat(fired).hasValue(1);
        assertThat(millis).isBetween(200L, 200 + 20 * Deadlines.TICK_MILLIS);
    }

    @Test
    void workDoneInTimeIsForgottenAndNeverExpires() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        for (int i = 0; i < 1_000; i++) {
            CompletableFuture<Void> work = new CompletableFuture<>();
            deadlines.add(scheduler, work, Duration.ofMillis(100), fired::incrementAndGet);
            work.complete(null);
        }
        assertThat(deadlines.watched()).isZero();
        Thread.sleep(300);
        assertThat(fired).hasValue(0);
    }

    @Test
    void theSweepRestsWhenNothingIsOpenAndComesBackForTheNextRequest() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        deadlines.add(scheduler, first, Duration.ofMinutes(1), () -> {});
        assertThat(scheduler.getQueue()).hasSize(1);
        first.complete(null);
        // the queue is empty too while the sweep runs: wait for the sweep's own decision to rest, which cancels it
        for (int i = 0; i < 400 && deadlines.isSweeping(); i++) {
            Thread.sleep(25);
        }
        assertThat(deadlines.isSweeping()).as("rested").isFalse();
        Thread.sleep(2 * Deadlines.TICK_MILLIS);
        assertThat(scheduler.getQueue()).as("no task while idle").isEmpty();

        AtomicInteger fired = new AtomicInteger();
        CompletableFuture<Void> next = new CompletableFuture<>();
        deadlines.add(scheduler, next, Duration.ofMillis(50), fired::incrementAndGet);
        for (int i = 0; i < 100 && fired.get() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(fired).hasValue(1);
    }
}

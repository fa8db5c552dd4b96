package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One sweep for every request's deadline: it fires once, only for work not done, and rests when nothing is open. */
@Timeout(120)
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
        // about time: a deadline fires once, so three ticks later it has not fired again
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
        // about time: past the 100 ms deadlines, none fired
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> fired.get() == 0);
    }

    @Test
    void theSweepRestsWhenNothingIsOpenAndComesBackForTheNextRequest() throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        deadlines.add(scheduler, first, Duration.ofMinutes(1), () -> {});
        assertThat(scheduler.getQueue()).hasSize(1);
        first.complete(null);
        // the queue is empty too while the sweep runs: wait for the sweep's own decision to rest, which cancels it
        await().atMost(Duration.ofSeconds(10)).until(() -> !deadlines.isSweeping());
        // about time: while idle, no tick is scheduled
        await().during(Duration.ofMillis(2 * Deadlines.TICK_MILLIS))
                .atMost(Duration.ofSeconds(2))
                .until(() -> scheduler.getQueue().isEmpty());

        AtomicInteger fired = new AtomicInteger();
        CompletableFuture<Void> next = new CompletableFuture<>();
        deadlines.add(scheduler, next, Duration.ofMillis(50), fired::incrementAndGet);
        await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1);
    }
}

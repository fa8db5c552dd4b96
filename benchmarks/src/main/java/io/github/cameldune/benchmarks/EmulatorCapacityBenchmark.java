package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * 5. The emulator's own capacity: status requests per second it answers to 16 bare client threads asking as fast as
 * they can, so the report shows whether the emulator, rather than the component, bounded the other figures.
 */
public final class EmulatorCapacityBenchmark {

    private static final int THREADS = 16;
    private static final int ROUNDS = 3;
    private static final long ROUND_MILLIS = 5_000;

    private EmulatorCapacityBenchmark() {}

    /** {@code EmulatorCapacityBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        try (CloseableHttpClient bare = Bench.bareClient()) {
            String id =
                    Bench.completedExecution(bare, baseUrl, apiKey, 1005, "{\"query_parameters\":{\"row_count\":1}}");
            String url = baseUrl + "/v1/execution/" + id + "/status";
            hammer(bare, url, apiKey, 2_000);
            List<Double> perSecond = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                double rate = hammer(bare, url, apiKey, ROUND_MILLIS);
                perSecond.add(rate);
                Bench.say("round %d: %,.0f status requests/s", round, rate);
            }
            ObjectNode result = Bench.result(
                    "capacity",
                    "5. Emulator capacity: status requests per second",
                    String.format(
                            "%d rounds of %d s after a 2 s warm-up; %d threads of a bare HttpClient 5 client "
                                    + "asking for one execution's status as fast as they can; client and emulator share the "
                                    + "machine",
                            ROUNDS, ROUND_MILLIS / 1000, THREADS));
            Stats rate = Stats.of("requests/s", perSecond);
            rate.into(result, "status requests answered per second");
            ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("notes"))
                    .add(String.format(
                            "For scale: the "
                                    + "10,000 runs of benchmark 2 need about 30,000 requests (execute, one status, results) within "
                                    + "their 5 s query time, i.e. about %,.0f requests/s if they all came at once; benchmark 1 sends "
                                    + "one request at a time.",
                            30_000 / 5.0));
            Bench.emit(result);
        }
    }

    /** Requests per second over {@code millis}, from {@link #THREADS} threads. */
    private static double hammer(CloseableHttpClient http, String url, String apiKey, long millis)
            throws InterruptedException {
        LongAdder answered = new LongAdder();
        CountDownLatch done = new CountDownLatch(THREADS);
        long end = System.nanoTime() + millis * 1_000_000;
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        Bench.get(http, url, apiKey);
                        answered.increment();
                    }
                } catch (java.io.IOException e) {
                    Bench.say("request failed: %s", e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        return answered.sum() / ((System.nanoTime() - start) / 1e9);
    }
}

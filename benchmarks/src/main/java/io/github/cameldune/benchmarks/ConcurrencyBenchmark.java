package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;

/**
 * 2. Concurrency: 10,000 {@code run} exchanges at once on a query the emulator takes 5 seconds over, sent from one
 * thread through an {@link AsyncProducer} (as a Kafka or file consumer with many messages in flight would). Each
 * exchange must come back with its own row. The component runs with its defaults, after one warm-up run of the query
 * (so it knows its duration, as any scheduled route would after the first run) and a warm-up batch for the JIT.
 */
public final class ConcurrencyBenchmark {

    private static final int EXCHANGES = 10_000;
    private static final int WARMUP_EXCHANGES = 1_000;
    private static final int ROUNDS = 3;
    private static final double QUERY_SECONDS = 5;
    /** The poll granularity: the component's default shortest poll interval. */
    private static final double POLL_SECONDS = 1;

    private ConcurrencyBenchmark() {}

    /** {@code ConcurrencyBenchmark <baseUrl> <apiKey>}. */
    public static void main(String[] args) throws Exception {
        AtomicInteger wrong = new AtomicInteger();
        CloseableHttpClient bare = Bench.bareClient();
        CamelContext camel = Bench.camel(args[0], args[1], c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("dune:run?queryId=9005").process(e -> {
                    List<?> rows = e.getMessage().getBody(List.class);
                    Object n = rows.size() == 1 ? ((Map<?, ?>) rows.get(0)).get("n") : null;
                    if (!(n instanceof Number number)
                            || number.intValue() != e.getMessage().getHeader("n", Integer.class)) {
                        wrong.incrementAndGet();
                    }
                });
            }
        });
        try {
            AsyncProducer producer = camel.getEndpoint("direct:run").createAsyncProducer();
            producer.start();
            Round first = round(camel, producer, 1, 0);
            Bench.say("first run (teaches the duration): %.1f s", first.seconds);
            round(camel, producer, WARMUP_EXCHANGES, 1_000_000);
            Bench.say("warm-up: %,d exchanges", WARMUP_EXCHANGES);
            wrong.set(0);

            List<Double> seconds = new ArrayList<>();
            List<Double> threads = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            int failed = 0;
            List<Double> statusPerExchange = new ArrayList<>();
            List<Double> bareSeconds = new ArrayList<>();
            int bareFailed = 0;
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            CloseableHttpAsyncClient http = Bench.bareAsyncClient(200);
            bareRound(http, timer, args[0], args[1], WARMUP_EXCHANGES, 10_000_000);
            for (int r = 0; r < ROUNDS; r++) {
                Bench.resetPeaks();
                JsonNode before = Bench.emulatorStats(bare, args[0]);
                Round round = round(camel, producer, EXCHANGES, (r + 2) * 1_000_000);
                JsonNode after = Bench.emulatorStats(bare, args[0]);
                double statusRequests = after.at("/requests/status").asLong()
                        - before.at("/requests/status").asLong();
                statusPerExchange.add(statusRequests / EXCHANGES);
                seconds.add(round.seconds);
                threads.add((double) Bench.peakThreads());
                heap.add(Bench.peakHeapMegabytes());
                failed += round.failed;
                Bench.say(
                        "round %d: %,d exchanges in %.2f s, %d failed, peak threads %d, peak heap %.0f MB, %.2f status "
                                + "requests per exchange",
                        r + 1,
                        EXCHANGES,
                        round.seconds,
                        round.failed,
                        Bench.peakThreads(),
                        Bench.peakHeapMegabytes(),
                        statusRequests / EXCHANGES);
                // the baseline right after, on the same emulator in the same state
                Round bareRound = bareRound(http, timer, args[0], args[1], EXCHANGES, (r + 11) * 1_000_000);
                bareSeconds.add(bareRound.seconds);
                bareFailed += bareRound.failed;
                Bench.say(
                        "bare round %d: %,d runs in %.2f s, %d failed",
                        r + 1, EXCHANGES, bareRound.seconds, bareRound.failed);
            }
            producer.stop();
            timer.shutdownNow();
            http.close();

            double ideal = QUERY_SECONDS + POLL_SECONDS;
            Stats wall = Stats.of("s", seconds);
            Stats peakThreads = Stats.of("threads", threads);
            Stats peakHeap = Stats.of("MB", heap);
            ObjectNode result = Bench.result(
                    "concurrency",
                    "2. Concurrency: 10,000 concurrent run exchanges on a 5 s " + "query",
                    String.format(
                            "%d rounds of %,d exchanges sent at once from one thread through an "
                                    + "AsyncProducer; dune:run?queryId=9005 with default options; emulator queue limit raised "
                                    + "to 20,000; after 1 run and %,d warm-up exchanges",
                            ROUNDS, EXCHANGES, WARMUP_EXCHANGES));
            wall.into(result, "wall time");
            Stats bareWall = Stats.of("s", bareSeconds);
            bareWall.into(result, "wall time of a bare async HttpClient 5 doing the same runs");
            ((ObjectNode) result.get("figures")).put("bare runs failed", bareFailed);
            ((ObjectNode) result.get("figures")).put("ideal wall time (5 s + 1 s poll interval)", ideal + " s");
            peakThreads.into(result, "peak live threads (whole JVM, heap sampler included)");
            peakHeap.into(result, "peak heap used");
            Stats.of("requests", statusPerExchange).into(result, "status requests per exchange");
            ((ObjectNode) result.get("figures"))
                    .put("max heap (-Xmx)", Bench.maxHeapMegabytes() + " MB")
                    .put("failed or wrong exchanges", failed + wrong.get());
            Bench.target(
                    result,
                    "every exchange correct",
                    (ROUNDS * EXCHANGES - failed - wrong.get()) + " of " + ROUNDS * EXCHANGES,
                    failed + wrong.get() == 0);
            Bench.target(
                    result,
                    "at most 64 live threads",
                    String.format("%.0f", peakThreads.max()),
                    peakThreads.max() <= 64);
            Bench.target(
                    result,
                    "at most 512 MB heap",
                    String.format("%.0f MB peak, in -Xmx%d m", peakHeap.max(), Bench.maxHeapMegabytes()),
                    peakHeap.max() <= 512);
            Bench.target(
                    result,
                    "wall time within 1.5x the ideal (" + ideal + " s)",
                    String.format("%.2f s (%.2fx)", wall.median(), wall.median() / ideal),
                    wall.median() <= 1.5 * ideal);
            ((ArrayNode) result.get("notes"))
                    .add(String.format(
                            "The emulator shares the 2 cores: it runs every "
                                    + "execution's SQL on DuckDB and answers each request. A bare async HttpClient 5 client doing the "
                                    + "same runs (execute, one status request at 5.25 s, results) took %.2f s (median), so camel-dune "
                                    + "took %.2fx the time of the leanest client on this machine.",
                            bareWall.median(), wall.median() / bareWall.median()));
            Bench.emit(result);
        } finally {
            camel.close();
            bare.close();
        }
    }

    private record Round(double seconds, int failed) {}

    /**
     * The baseline: the same 10,000 runs by a bare async HttpClient 5 client, as lean as a hand-written client gets:
     * execute, one status request 5.25 s later (then every second until finished), one results request.
     */
    private static Round bareRound(
            CloseableHttpAsyncClient http,
            ScheduledExecutorService timer,
            String baseUrl,
            String apiKey,
            int count,
            int firstN)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int n = firstN + i;
            SimpleHttpRequest execute = SimpleRequestBuilder.post(baseUrl + "/v1/query/9005/execute")
                    .addHeader("X-Dune-Api-Key", apiKey)
                    .setBody("{\"query_parameters\":{\"n\":" + n + "}}", ContentType.APPLICATION_JSON)
                    .build();
            send(http, execute)
                    .thenCompose(started -> {
                        String id = Bench.json(started).get("execution_id").asText();
                        return poll(http, timer, baseUrl, apiKey, id, 5_250);
                    })
                    .thenCompose(id -> send(
                            http,
                            SimpleRequestBuilder.get(baseUrl + "/v1/execution/" + id + "/results")
                                    .addHeader("X-Dune-Api-Key", apiKey)
                                    .build()))
                    .whenComplete((rows, error) -> {
                        if (error != null
                                || Bench.json(rows).at("/result/rows/0/n").asInt() != n) {
                            failed.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " bare runs did not end in 5 minutes");
        }
        return new Round((System.nanoTime() - start) / 1e9, failed.get());
    }

    private static CompletableFuture<String> poll(
            CloseableHttpAsyncClient http,
            ScheduledExecutorService timer,
            String baseUrl,
            String apiKey,
            String id,
            long delayMillis) {
        CompletableFuture<String> finished = new CompletableFuture<>();
        timer.schedule(
                () -> send(
                                http,
                                SimpleRequestBuilder.get(baseUrl + "/v1/execution/" + id + "/status")
                                        .addHeader("X-Dune-Api-Key", apiKey)
                                        .build())
                        .thenCompose(status -> {
                            boolean over = Bench.json(status)
                                    .path("is_execution_finished")
                                    .asBoolean();
                            return over
                                    ? CompletableFuture.completedFuture(id)
                                    : poll(http, timer, baseUrl, apiKey, id, 1_000);
                        })
                        .whenComplete((value, error) -> {
                            if (error != null) {
                                finished.completeExceptionally(error);
                            } else {
                                finished.complete(value);
                            }
                        }),
                delayMillis,
                TimeUnit.MILLISECONDS);
        return finished;
    }

    private static CompletableFuture<byte[]> send(CloseableHttpAsyncClient http, SimpleHttpRequest request) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                body.complete(response.getBodyBytes());
            }

            @Override
            public void failed(Exception e) {
                body.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                body.cancel(false);
            }
        });
        return body;
    }

    /** Sends {@code count} exchanges at once and waits for all of them; each asks for its own {@code n}. */
    private static Round round(CamelContext camel, AsyncProducer producer, int count, int firstN)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader("n", firstN + i);
            exchange.getMessage().setBody(Map.of("n", firstN + i));
            producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    if (failed.incrementAndGet() <= 3) {
                        Bench.say("failed: %s", exchange.getException());
                    }
                }
                done.countDown();
            });
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " exchanges did not end in 5 minutes");
        }
        return new Round((System.nanoTime() - start) / 1e9, failed.get());
    }
}

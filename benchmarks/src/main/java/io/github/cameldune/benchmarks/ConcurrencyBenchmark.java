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
 * 2. Concurrency: {@code run} exchanges at once on a query the emulator takes 5 seconds over, sent from one thread
 * through an {@link AsyncProducer} (as a Kafka or file consumer with many messages in flight would), 1,000, 10,000 and
 * 50,000 of them; the same runs by a bare async HttpClient 5 client and by the TS SDK's {@code runQuery}, 1,000 and
 * 10,000 at once. Each run must come back with its own row. The component runs with its defaults, after one warm-up
 * run of the query (so it knows its duration, as any scheduled route would after the first run) and a warm-up batch
 * for the JIT.
 */
public final class ConcurrencyBenchmark {

    /** How many runs at once, and how many rounds of each for camel-dune and the bare client. */
    private static final int[][] LOADS = {{1_000, 3}, {10_000, 3}, {50_000, 1}};
    /** The most runs at once the peers are given: the TS SDK's fetch already fails at 10,000 on this machine. */
    private static final int PEER_MAX = 10_000;

    private static final int WARMUP_EXCHANGES = 1_000;
    private static final double QUERY_SECONDS = 5;
    /** The poll granularity: the component's default shortest poll interval. */
    private static final double POLL_SECONDS = 1;

    private ConcurrencyBenchmark() {}

    /** {@code ConcurrencyBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
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
        ObjectNode result = Bench.result(
                "concurrency",
                "2. Concurrency: 1,000, 10,000 and 50,000 concurrent runs of a 5 s query",
                String.format(
                        "rounds of N exchanges sent at once from one thread through an AsyncProducer; "
                                + "dune:run?queryId=9005 with default options, N = 1,000 and 10,000 (3 rounds) and "
                                + "50,000 (1 round); after each round the same N runs by a bare async HttpClient 5 "
                                + "client (up to %,d), then by the TS SDK's runQuery (up to %,d, one round); emulator "
                                + "queue limit raised to 60,000; after 1 run and %,d warm-up exchanges",
                        PEER_MAX, PEER_MAX, WARMUP_EXCHANGES));
        int firstN = 1_000_000;
        int allFailed = 0;
        int allExchanges = 0;
        double maxThreads = 0;
        double maxHeap = 0;
        Map<Integer, Stats> wallByLoad = new java.util.LinkedHashMap<>();
        try {
            AsyncProducer producer = camel.getEndpoint("direct:run").createAsyncProducer();
            producer.start();
            Round first = round(camel, producer, 1, 0);
            Bench.say("first run (teaches the duration): %.1f s", first.seconds);
            round(camel, producer, WARMUP_EXCHANGES, firstN);
            firstN += WARMUP_EXCHANGES;
            Bench.say("warm-up: %,d exchanges", WARMUP_EXCHANGES);
            wrong.set(0);
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            CloseableHttpAsyncClient http = Bench.bareAsyncClient(200);
            bareRound(http, timer, args[0], args[1], WARMUP_EXCHANGES, 10_000_000);

            List<Measured> measured = new ArrayList<>();
            for (int[] load : LOADS) {
                int count = load[0];
                String n = String.format("%,d", count);
                List<Double> seconds = new ArrayList<>();
                List<Double> threads = new ArrayList<>();
                List<Double> heap = new ArrayList<>();
                List<Double> statusPerRun = new ArrayList<>();
                List<Double> bareSeconds = new ArrayList<>();
                List<Double> bareStatus = new ArrayList<>();
                int failed = 0;
                int bareFailed = 0;
                for (int r = 0; r < load[1]; r++) {
                    Bench.resetPeaks();
                    JsonNode before = Bench.emulatorStats(bare, args[0]);
                    Round round = round(camel, producer, count, firstN);
                    firstN += count;
                    statusPerRun.add(statusRequests(bare, args[0], before) / count);
                    seconds.add(round.seconds);
                    threads.add((double) Bench.peakThreads());
                    heap.add(Bench.peakHeapMegabytes());
                    failed += round.failed;
                    Bench.say(
                            "%s runs, round %d: %.2f s, %d failed, peak threads %d, peak heap %.0f MB, %.2f status "
                                    + "requests a run",
                            n,
                            r + 1,
                            round.seconds,
                            round.failed,
                            Bench.peakThreads(),
                            Bench.peakHeapMegabytes(),
                            statusPerRun.get(r));
                    if (count <= PEER_MAX) {
                        // the baseline right after, on the same emulator in the same state
                        before = Bench.emulatorStats(bare, args[0]);
                        Round bareRound = bareRound(http, timer, args[0], args[1], count, 20_000_000 + firstN);
                        bareStatus.add(statusRequests(bare, args[0], before) / count);
                        bareSeconds.add(bareRound.seconds);
                        bareFailed += bareRound.failed;
                        Bench.say(
                                "bare round %d: %s runs in %.2f s, %d failed",
                                r + 1, n, bareRound.seconds, bareRound.failed);
                    }
                }
                allFailed += failed;
                allExchanges += count * load[1];
                Stats wall = Stats.of("s", seconds);
                wallByLoad.put(count, wall);
                Stats peakThreads = Stats.of("threads", threads);
                Stats peakHeap = Stats.of("MB", heap);
                maxThreads = Math.max(maxThreads, peakThreads.max());
                maxHeap = Math.max(maxHeap, peakHeap.max());
                Stats status = Stats.of("requests", statusPerRun);
                wall.into(result, n + " runs: wall time");
                peakThreads.into(result, n + " runs: peak live threads (whole JVM)");
                peakHeap.into(result, n + " runs: peak heap used");
                status.into(result, n + " runs: status requests a run");
                ((ObjectNode) result.get("figures")).put(n + " runs: failed or wrong", failed);
                Stats bareWall = null;
                Stats bareStatusStats = null;
                if (!bareSeconds.isEmpty()) {
                    bareWall = Stats.of("s", bareSeconds);
                    bareStatusStats = Stats.of("requests", bareStatus);
                    bareWall.into(result, n + " runs: wall time of the bare async client");
                    ((ObjectNode) result.get("figures")).put(n + " runs: bare runs failed", bareFailed);
                }
                measured.add(new Measured(count, wall, bareWall, status, bareStatusStats));
            }
            producer.stop();
            timer.shutdownNow();
            http.close();
            // the TS SDK last: thousands of its connections at once can leave the emulator unable to answer for a
            // while, and no other figure must pay for that
            for (Measured m : measured) {
                Peer peer = m.count() <= PEER_MAX && TsSdk.available()
                        ? peer(result, bare, args, m.count(), firstN += m.count())
                        : new Peer(null, null, m.count() > PEER_MAX ? "not run (past where it fails)" : null);
                String n = String.format("%,d", m.count());
                Bench.compare(
                        result,
                        n + " concurrent runs: wall time",
                        "emulator",
                        m.wall(),
                        m.bareWall(),
                        peer.wall(),
                        peer.note(),
                        true);
                Bench.compare(
                        result,
                        n + " concurrent runs: status requests a run",
                        "emulator",
                        m.status(),
                        m.bareStatus(),
                        peer.status(),
                        peer.status() == null ? peer.note() : null,
                        true);
            }

            double ideal = QUERY_SECONDS + POLL_SECONDS;
            ((ObjectNode) result.get("figures"))
                    .put("ideal wall time (5 s + 1 s poll interval)", ideal + " s")
                    .put("max heap (-Xmx)", Bench.maxHeapMegabytes() + " MB");
            Bench.target(
                    result,
                    "every exchange correct",
                    (allExchanges - allFailed - wrong.get()) + " of " + allExchanges,
                    allFailed + wrong.get() == 0);
            Bench.target(
                    result,
                    "at most 64 live threads, 50,000 runs included",
                    String.format("%.0f", maxThreads),
                    maxThreads <= 64);
            Bench.target(
                    result,
                    "at most 1 GB heap, 50,000 runs included",
                    String.format("%.0f MB peak, in -Xmx%d m", maxHeap, Bench.maxHeapMegabytes()),
                    maxHeap <= 1024);
            Stats tenThousand = wallByLoad.get(10_000);
            Bench.target(
                    result,
                    "10,000 runs: wall time within 1.5x the ideal (" + ideal + " s)",
                    String.format("%.2f s (%.2fx)", tenThousand.median(), tenThousand.median() / ideal),
                    tenThousand.median() <= 1.5 * ideal);
            ((ArrayNode) result.get("notes"))
                    .add("The emulator shares the 2 cores: it runs every execution's SQL on DuckDB and answers each "
                            + "request, so past some thousands of runs at once its rate of answers, not a client, sets "
                            + "the wall time. The bare async client does the least a client can: execute, one status "
                            + "request at 5.25 s, results. The TS SDK's runQuery polls status at once and then every "
                            + "second, and opens a connection per request in flight.");
            Bench.emit(result);
        } finally {
            camel.close();
            bare.close();
        }
    }

    /** Status requests the emulator answered since {@code before}. */
    private static double statusRequests(CloseableHttpClient bare, String baseUrl, JsonNode before)
            throws java.io.IOException {
        return Bench.emulatorStats(bare, baseUrl).at("/requests/status").asLong()
                - before.at("/requests/status").asLong();
    }

    private record Round(double seconds, int failed) {}

    /** The TS SDK's figures for one load, either null, and what to say instead. */
    private record Peer(Stats wall, Stats status, String note) {}

    /** One load's figures for camel-dune and the bare client, compared with the TS SDK's once it has run. */
    private record Measured(int count, Stats wall, Stats bareWall, Stats status, Stats bareStatus) {}

    /**
     * {@code count} runQuery at once by the TS SDK: its wall time (when every run came back right) and its status
     * requests a run (when the emulator could still count them), either null.
     */
    private static Peer peer(ObjectNode result, CloseableHttpClient bare, String[] args, int count, int firstN)
            throws Exception {
        String n = String.format("%,d", count);
        JsonNode before = Bench.emulatorStats(bare, args[0]);
        JsonNode peer = TsSdk.run(
                900, "runs", args[0], args[1], "9005", String.valueOf(count), String.valueOf(30_000_000 + firstN));
        Stats status = null;
        String afterwards = "";
        try {
            status = Stats.of("requests", statusRequests(bare, args[0], before) / count);
        } catch (java.io.IOException e) {
            afterwards = "; the emulator did not answer afterwards";
            ((ObjectNode) result.get("figures")).put(n + " runs: emulator after the TS SDK", "did not answer: " + e);
        }
        if (peer.has("error")) {
            // the whole run failed (Node gave up): every run counts as failed, and why is reported
            ((ObjectNode) result.get("figures"))
                    .put(n + " runs: TS SDK runQuery failed", count)
                    .put(n + " runs: TS SDK first error", peer.get("error").asText());
            return new Peer(null, status, "the run failed" + afterwards);
        }
        int failed = peer.get("failed").asInt() + peer.get("wrong").asInt();
        String firstError = peer.path("firstError").isTextual()
                ? peer.get("firstError").asText()
                : peer.path("firstUncaught").isTextual()
                        ? peer.get("firstUncaught").asText()
                        : "none";
        Bench.say(
                "TS SDK: %s runQuery in %.2f s, %d failed (%s), %d errors uncaught, peak RSS %.0f MB",
                n,
                peer.get("seconds").asDouble(),
                failed,
                firstError,
                peer.path("uncaught").asInt(),
                peer.get("peakRssMb").asDouble());
        ((ObjectNode) result.get("figures"))
                .put(n + " runs: TS SDK runQuery failed", failed)
                .put(n + " runs: TS SDK first error", firstError);
        Stats.of("MB", peer.get("peakRssMb").asDouble()).into(result, n + " runs: TS SDK peak resident memory (Node)");
        Stats wall = failed == 0 ? Stats.of("s", peer.get("seconds").asDouble()) : null;
        if (wall != null) {
            wall.into(result, n + " runs: wall time of the TS SDK");
        }
        return new Peer(
                wall,
                status,
                failed == 0
                        ? null
                        : String.format(
                                "%,d of %,d failed after %.0f s (%s)%s",
                                failed, count, peer.get("seconds").asDouble(), firstError, afterwards));
    }

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

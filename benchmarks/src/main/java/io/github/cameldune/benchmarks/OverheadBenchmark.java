package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.dune.model.ExecutionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * 1. Per-call overhead: {@code dune:status} through a route ({@code ProducerTemplate.requestBody}) against bare
 * HttpClient 5 GETs of the same status (the classic blocking client, and the async client camel-dune is built on), in
 * one JVM, calls interleaved one by one so all see the same machine, JIT and server; then the official TS SDK's
 * {@code getExecutionStatus}, one call after the other, on the same server. Twice: against the emulator, and in
 * client-only mode against the {@link ReplayServer}, where the server's own cost is as small as this machine makes it.
 * Not JMH: JMH runs one benchmark method after the other, and the point here is the interleaving.
 */
public final class OverheadBenchmark {

    private static final int WARMUP_CALLS = 5_000;
    private static final int ROUNDS = 20;
    private static final int CALLS_PER_ROUND = 500;
    private static final String CAMEL = "dune:status via ProducerTemplate.requestBody";
    private static final String SYNC = "dune:status?synchronous=true via ProducerTemplate.requestBody";
    private static final String CLASSIC = "bare HttpClient 5 classic GET";
    private static final String ASYNC = "bare HttpClient 5 async GET, get()";
    private static final String TS_SDK = "TS SDK getExecutionStatus";
    private static final String HAND_OFF =
            "hand-off to a worker thread: dune:status (defaults) minus synchronous=true, call by call";
    /** The rounds go in blocks, each followed by the TS SDK's calls, so drift of the machine hits both alike. */
    private static final int BLOCKS = 4;

    private static final int PEER_WARMUP_CALLS = 2_000;

    private OverheadBenchmark() {}

    /** {@code OverheadBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String emulator = args[0];
        String apiKey = args[1];
        ObjectNode result = Bench.result(
                "overhead",
                "1. Per-call overhead: dune:status vs a bare HttpClient 5 GET and the TS SDK",
                String.format(
                        "in each mode, %d rounds x %d calls of each Java client, interleaved one by one (the order "
                                + "rotates every round), after %,d warm-up calls each; in %d blocks, each followed by "
                                + "the TS SDK's %d x %d calls in a Node process (after %,d warm-up calls); every call "
                                + "reads the same execution's status; modes: against the emulator, and client-only "
                                + "(the replay server answers from memory)",
                        ROUNDS,
                        CALLS_PER_ROUND,
                        WARMUP_CALLS,
                        BLOCKS,
                        ROUNDS / BLOCKS,
                        CALLS_PER_ROUND,
                        PEER_WARMUP_CALLS));
        String id;
        try (CloseableHttpClient bare = Bench.bareClient()) {
            id = Bench.completedExecution(bare, emulator, apiKey, 1005, "{\"query_parameters\":{\"row_count\":1}}");
        }
        Map<String, Stats> onEmulator = measure("emulator", emulator, apiKey, id, result);
        Map<String, Stats> clientOnly;
        try (ReplayServer.Process replay = ReplayServer.Process.start(emulator, apiKey, id)) {
            clientOnly = measure("client-only", replay.baseUrl(), apiKey, id, result);
        }
        for (var mode : List.of(Map.entry("emulator", onEmulator), Map.entry("client-only", clientOnly))) {
            Map<String, Stats> m = mode.getValue();
            Bench.compare(
                    result, "status call latency", mode.getKey(), m.get(CAMEL), m.get(ASYNC), m.get(TS_SDK), true);
            Bench.compare(
                    result,
                    "status call latency, synchronous=true",
                    mode.getKey(),
                    m.get(SYNC),
                    m.get(ASYNC),
                    m.get(TS_SDK),
                    true);
        }
        for (String name : List.of(CAMEL, SYNC)) {
            double ratio = clientOnly.get(name).median() / clientOnly.get(ASYNC).median();
            Bench.target(
                    result,
                    "client-only: " + (name.equals(CAMEL) ? "dune:status (defaults)" : "synchronous=true")
                            + " at most 1.15x the bare async client's median",
                    String.format("%.3fx", ratio),
                    ratio <= 1.15);
        }
        Stats peer = clientOnly.get(TS_SDK);
        if (peer != null) {
            double speedUp = peer.median() / clientOnly.get(CAMEL).median();
            Bench.target(
                    result,
                    "client-only: dune:status (defaults) at least 2x as fast as the TS SDK",
                    String.format("%.2fx", speedUp),
                    speedUp >= 2);
        }
        Stats handOff = clientOnly.get(HAND_OFF);
        Stats sync = clientOnly.get(SYNC);
        ((ArrayNode) result.get("notes"))
                .add(String.format(
                        "What camel-dune adds to a bare call: a Camel exchange through a route, the answer read into "
                                + "an ExecutionStatus and headers, and by default the hand-off that keeps routes off the "
                                + "HTTP client's I/O threads. Client-only, with synchronous=true (no hand-off) a call "
                                + "took %.0f µs, %.2fx the bare async client; the defaults add the hand-off, %.0f µs a "
                                + "call (median of the difference, call by call): the I/O thread wakes a worker, which "
                                + "finishes the exchange and wakes the caller, where the bare client wakes the caller "
                                + "at once. That second wake-up is what keeps a route that blocks (a file, a database, "
                                + "a slow bean) from stalling every request of the component, so it stays in the "
                                + "defaults; a route that only waits for Dune may set synchronous=true. Against Dune's "
                                + "API, where a call takes tens to hundreds of milliseconds, these microseconds are "
                                + "under 0.1%%.",
                        sync.median(), sync.median() / clientOnly.get(ASYNC).median(), handOff.median()));
        Bench.emit(result);
    }

    /** One mode: the Java clients interleaved, then the TS SDK; each figure also goes into the result. */
    private static Map<String, Stats> measure(String mode, String baseUrl, String apiKey, String id, ObjectNode result)
            throws Exception {
        String statusUrl = baseUrl + "/v1/execution/" + id + "/status";
        CamelContext camel = Bench.camel(baseUrl, apiKey, c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:status").to("dune:status?executionId=" + id);
                from("direct:statusSync").to("dune:status?synchronous=true&executionId=" + id);
            }
        });
        Map<String, Stats> stats = new LinkedHashMap<>();
        try (ProducerTemplate template = camel.createProducerTemplate();
                CloseableHttpClient bare = Bench.bareClient();
                CloseableHttpAsyncClient bareAsync = Bench.bareAsyncClient(64)) {
            Map<String, Call> calls = new LinkedHashMap<>();
            calls.put(CAMEL, () -> {
                if (!(template.requestBody("direct:status", (Object) null) instanceof ExecutionStatus)) {
                    throw new IllegalStateException("dune:status did not answer a status");
                }
            });
            calls.put(SYNC, () -> {
                if (!(template.requestBody("direct:statusSync", (Object) null) instanceof ExecutionStatus)) {
                    throw new IllegalStateException("dune:status did not answer a status");
                }
            });
            calls.put(CLASSIC, () -> Bench.get(bare, statusUrl, apiKey));
            calls.put(ASYNC, () -> Bench.get(bareAsync, statusUrl, apiKey));
            List<Call> order = new ArrayList<>(calls.values());
            for (int i = 0; i < WARMUP_CALLS; i++) {
                for (Call call : order) {
                    call.run();
                }
            }
            Map<Call, double[]> micros = new HashMap<>();
            order.forEach(c -> micros.put(c, new double[ROUNDS * CALLS_PER_ROUND]));
            List<Double> peer = new ArrayList<>();
            int k = 0;
            for (int block = 0; block < BLOCKS; block++) {
                for (int round = 0; round < ROUNDS / BLOCKS; round++) {
                    // each round starts with another of them, so none always runs right after the same one
                    Collections.rotate(order, 1);
                    for (int i = 0; i < CALLS_PER_ROUND; i++, k++) {
                        for (Call call : order) {
                            long start = System.nanoTime();
                            call.run();
                            micros.get(call)[k] = (System.nanoTime() - start) / 1000.0;
                        }
                    }
                }
                // the TS SDK's block right after, so that both see the machine as it is then
                if (TsSdk.available()) {
                    JsonNode answered = TsSdk.run(
                            600,
                            "status",
                            baseUrl,
                            apiKey,
                            id,
                            String.valueOf(PEER_WARMUP_CALLS),
                            String.valueOf(ROUNDS / BLOCKS),
                            String.valueOf(CALLS_PER_ROUND));
                    if (answered.has("error")) {
                        throw new IllegalStateException(answered.get("error").asText());
                    }
                    answered.get("samples").forEach(v -> peer.add(v.asDouble()));
                }
            }
            double[] handOff = new double[k];
            for (int i = 0; i < k; i++) {
                handOff[i] = micros.get(calls.get(CAMEL))[i] - micros.get(calls.get(SYNC))[i];
            }
            stats.put(HAND_OFF, Stats.of("µs", handOff));
            if (!peer.isEmpty()) {
                stats.put(TS_SDK, Stats.of("µs", peer));
            }
            calls.forEach((name, call) -> stats.put(name, Stats.of("µs", micros.get(call))));
            if (mode.equals("client-only")) {
                Call camelCall = calls.get(CAMEL);
                Profile.of(result, "20,000 dune:status calls with default options, client-only", () -> {
                    for (int i = 0; i < 20_000; i++) {
                        camelCall.run();
                    }
                });
            }
        } finally {
            camel.close();
        }
        stats.forEach((name, s) -> s.into(result, mode + ": " + name));
        Bench.say(
                "%s medians (µs): %s",
                mode,
                stats.entrySet().stream()
                        .map(e -> e.getKey() + " " + Math.round(e.getValue().median()))
                        .toList());
        return stats;
    }

    private interface Call extends Bench.Work {}
}

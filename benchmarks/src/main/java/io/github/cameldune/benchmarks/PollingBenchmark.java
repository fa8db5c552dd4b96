package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.dune.DuneConstants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * 4. Polling economy: queries of 1, 10 and 60 seconds (real time, no scaling), waited for by {@code dune:run} with its
 * defaults and, side by side, by a fixed one-second status poll (what Dune's official SDKs do). For each execution the
 * emulator counts the status requests it received, and the delay is the time from the emulator ending the execution
 * to the waiter noticing it. Round 1 is the component's first execution of each query (it knows nothing yet); in
 * later rounds it knows how long the query took last time, as a scheduled route does from its second run on.
 */
public final class PollingBenchmark {

    private static final long[] SECONDS = {1, 10, 60};
    private static final int ROUNDS = 4;

    private PollingBenchmark() {}

    /** One waited execution: how many status requests it took and how late its end was noticed. */
    private record Wait(double statusRequests, double delaySeconds) {}

    /** {@code PollingBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        CamelContext camel = Bench.camel(baseUrl, apiKey, c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("dune:run");
            }
        });
        Map<Long, List<Wait>> cold = new TreeMap<>();
        Map<Long, List<Wait>> warm = new TreeMap<>();
        Map<Long, List<Wait>> fixed = new TreeMap<>();
        java.util.concurrent.ExecutorService pollers =
                java.util.concurrent.Executors.newFixedThreadPool(SECONDS.length);
        try (CloseableHttpClient bare = Bench.bareClient()) {
            AsyncProducer producer = camel.getEndpoint("direct:run").createAsyncProducer();
            producer.start();
            for (int round = 1; round <= ROUNDS; round++) {
                List<CompletableFuture<Wait>> camelWaits = new ArrayList<>();
                List<CompletableFuture<Wait>> fixedWaits = new ArrayList<>();
                for (long seconds : SECONDS) {
                    camelWaits.add(viaCamel(camel, producer, bare, baseUrl, 9100 + seconds));
                    fixedWaits.add(CompletableFuture.supplyAsync(
                            () -> fixedPoll(bare, baseUrl, apiKey, 9100 + seconds), pollers));
                }
                for (int i = 0; i < SECONDS.length; i++) {
                    Wait c = camelWaits.get(i).get(3, TimeUnit.MINUTES);
                    Wait f = fixedWaits.get(i).get(3, TimeUnit.MINUTES);
                    (round == 1 ? cold : warm)
                            .computeIfAbsent(SECONDS[i], k -> new ArrayList<>())
                            .add(c);
                    fixed.computeIfAbsent(SECONDS[i], k -> new ArrayList<>()).add(f);
                    Bench.say(
                            "round %d, %2d s query: dune:run %.0f status requests, %.2f s late; fixed 1 s poll %.0f, "
                                    + "%.2f s late",
                            round,
                            SECONDS[i],
                            c.statusRequests(),
                            c.delaySeconds(),
                            f.statusRequests(),
                            f.delaySeconds());
                }
            }
            producer.stop();
        } finally {
            pollers.shutdownNow();
            camel.close();
        }

        ObjectNode result = Bench.result(
                "polling",
                "4. Polling economy: status requests and delay, against a " + "fixed 1 s poll",
                String.format(
                        "%d rounds; in each, one execution of a 1 s, a 10 s and a 60 s query "
                                + "(emulator min_duration, real time) per waiter, all at once; dune:run with default options "
                                + "(pollInitialDelay 1s, pollInterval 1s, maxPollInterval 30s) vs a loop polling status every "
                                + "second with a bare client. Round 1 is the component's first execution of each query "
                                + "(cold); rounds 2-%d are warm",
                        ROUNDS, ROUNDS));
        for (long s : SECONDS) {
            Stats.of("requests", cold.get(s).stream().map(Wait::statusRequests).toList())
                    .into(result, s + " s query: dune:run status requests, first run");
            Stats.of("requests", warm.get(s).stream().map(Wait::statusRequests).toList())
                    .into(result, s + " s query: dune:run status requests, later runs");
            Stats.of("requests", fixed.get(s).stream().map(Wait::statusRequests).toList())
                    .into(result, s + " s query: fixed 1 s poll status requests");
            Stats.of("s", cold.get(s).stream().map(Wait::delaySeconds).toList())
                    .into(result, s + " s query: dune:run delay, first run");
            Stats.of("s", warm.get(s).stream().map(Wait::delaySeconds).toList())
                    .into(result, s + " s query: dune:run delay, later runs");
            Stats.of("s", fixed.get(s).stream().map(Wait::delaySeconds).toList())
                    .into(result, s + " s query: fixed 1 s poll delay");
        }
        double fixedPolls = Stats.of(
                        "", fixed.get(60L).stream().map(Wait::statusRequests).toList())
                .median();
        double limit = 0.1 * 60 + 0.5;
        for (var entry : List.of(Map.entry("later runs", warm.get(60L)), Map.entry("first run", cold.get(60L)))) {
            Stats polls = Stats.of(
                    "", entry.getValue().stream().map(Wait::statusRequests).toList());
            Stats delay = Stats.of(
                    "", entry.getValue().stream().map(Wait::delaySeconds).toList());
            Bench.target(
                    result,
                    "60 s query, " + entry.getKey() + ": at most 1/3 of the fixed poll's requests",
                    String.format("%.0f vs %.0f (%.2f)", polls.median(), fixedPolls, polls.median() / fixedPolls),
                    polls.median() <= fixedPolls / 3);
            Bench.target(
                    result,
                    "60 s query, " + entry.getKey() + ": delay at most 10% + 0.5 s (" + limit + " s)",
                    String.format("%.2f s (max %.2f s)", delay.median(), delay.max()),
                    delay.max() <= limit);
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("notes"))
                .add(
                        "Without a past duration, no "
                                + "schedule can meet both 60 s targets: to be at most 10% + 0.5 s late whatever the duration, each "
                                + "poll must follow the previous one (at t) by at most 0.1 t + 0.5 s, and from 1 s to 60 s that takes "
                                + "at least 27 polls (more than 60 / 3 = 20). The first run therefore polls as the interval policy "
                                + "says; from the second run on, the component polls just past the query's shortest recent run time.");
        Bench.emit(result);
    }

    /** Runs the query through dune:run; completes when the exchange does, with the emulator's count and times. */
    private static CompletableFuture<Wait> viaCamel(
            CamelContext camel, AsyncProducer producer, CloseableHttpClient bare, String baseUrl, long queryId) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(DuneConstants.QUERY_ID, queryId);
        CompletableFuture<Wait> wait = new CompletableFuture<>();
        producer.process(exchange, doneSync -> {
            long noticed = System.currentTimeMillis();
            try {
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
                wait.complete(measured(
                        bare,
                        baseUrl,
                        exchange.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class),
                        noticed));
            } catch (Exception e) {
                wait.completeExceptionally(e);
            }
        });
        return wait;
    }

    /** What the SDKs do: execute, then a status request every second until the execution is finished. */
    private static Wait fixedPoll(CloseableHttpClient http, String baseUrl, String apiKey, long queryId) {
        try {
            String id = Bench.execute(http, baseUrl, apiKey, queryId, "{}");
            while (true) {
                Thread.sleep(1000);
                JsonNode status =
                        Bench.JSON.readTree(Bench.get(http, baseUrl + "/v1/execution/" + id + "/status", apiKey));
                if (status.path("is_execution_finished").asBoolean()) {
                    return measured(http, baseUrl, id, System.currentTimeMillis());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Wait measured(CloseableHttpClient http, String baseUrl, String executionId, long noticedMillis)
            throws java.io.IOException {
        JsonNode execution = Bench.emulatorExecution(http, baseUrl, executionId);
        Instant ended = Instant.parse(execution.get("executionEndedAt").asText());
        return new Wait(execution.get("statusRequests").asDouble(), (noticedMillis - ended.toEpochMilli()) / 1000.0);
    }
}

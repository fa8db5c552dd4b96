package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.dune.DuneComponent;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.reactor.IOReactorConfig;

/**
 * What the benchmark programs share: a Camel context with the dune component on the emulator, the bare HttpClient 5
 * client they are measured against, heap and thread peaks, and the one line of JSON each program ends with.
 */
final class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The line prefix that marks a program's figures for {@link BenchmarkRunner}. */
    static final String RESULT_PREFIX = "RESULT ";

    private Bench() {}

    /** A started Camel context whose {@code dune} component points at the emulator. */
    static CamelContext camel(String baseUrl, String apiKey, Consumer<DuneComponent> tune, RouteBuilder routes)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        DuneComponent dune = new DuneComponent();
        dune.getConfiguration().setBaseUrl(baseUrl);
        dune.getConfiguration().setApiKey(apiKey);
        tune.accept(dune);
        camel.addComponent("dune", dune);
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }

    /** The baseline: HttpClient 5's classic client as a user would write it, pooled, without retries. */
    static CloseableHttpClient bareClient() {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(64)
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    /**
     * The second baseline: HttpClient 5's async client, the one camel-dune is built on, configured as camel-dune
     * configures it (pooled, two I/O threads, no retries) and waited for with {@code get()}.
     */
    static CloseableHttpAsyncClient bareAsyncClient(int maxConnections) {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                .disableAutomaticRetries()
                .build();
        client.start();
        return client;
    }

    /** A GET with the async client and the key, waited for. */
    static byte[] get(CloseableHttpAsyncClient http, String url, String apiKey) throws Exception {
        SimpleHttpResponse response = http.execute(
                        SimpleRequestBuilder.get(url)
                                .addHeader("X-Dune-Api-Key", apiKey)
                                .build(),
                        null)
                .get();
        if (response.getCode() != 200) {
            throw new IOException(url + " answered " + response.getCode());
        }
        return response.getBodyBytes();
    }

    /** A GET with the key, read whole. */
    static byte[] get(CloseableHttpClient http, String url, String apiKey) throws IOException {
        return send(http, new HttpGet(url), apiKey);
    }

    /** Executes a saved query with the bare client; returns the execution id. */
    static String execute(CloseableHttpClient http, String baseUrl, String apiKey, long queryId, String body)
            throws IOException {
        HttpPost post = new HttpPost(baseUrl + "/v1/query/" + queryId + "/execute");
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return JSON.readTree(send(http, post, apiKey)).get("execution_id").asText();
    }

    /** Executes a saved query with the bare client and waits (polling every 100 ms) until it completed. */
    static String completedExecution(CloseableHttpClient http, String baseUrl, String apiKey, long queryId, String body)
            throws Exception {
        String id = execute(http, baseUrl, apiKey, queryId, body);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(get(http, baseUrl + "/v1/execution/" + id + "/status", apiKey));
            if (status.path("is_execution_finished").asBoolean()) {
                if (!"QUERY_STATE_COMPLETED".equals(status.path("state").asText())) {
                    throw new IllegalStateException(
                            "execution " + id + " ended " + status.path("state").asText());
                }
                return id;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("execution " + id + " did not complete in 2 minutes");
    }

    /** The emulator's own view of one execution (its times, its status requests). */
    static JsonNode emulatorExecution(CloseableHttpClient http, String baseUrl, String executionId) throws IOException {
        return JSON.readTree(send(
                http, new HttpGet(baseUrl.replaceFirst("/api$", "") + "/emulator/executions/" + executionId), null));
    }

    /** Parses JSON, unchecked, for use in lambdas. */
    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The emulator's counters: executions created and requests per endpoint. */
    static JsonNode emulatorStats(CloseableHttpClient http, String baseUrl) throws IOException {
        return JSON.readTree(send(http, new HttpGet(baseUrl.replaceFirst("/api$", "") + "/emulator/stats"), null));
    }

    private static byte[] send(CloseableHttpClient http, HttpUriRequestBase request, String apiKey) throws IOException {
        if (apiKey != null) {
            request.setHeader("X-Dune-Api-Key", apiKey);
        }
        return http.execute(request, response -> {
            byte[] body = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException(request.getRequestUri() + " answered " + response.getCode());
            }
            return body;
        });
    }

    private static final AtomicLong PEAK_HEAP = new AtomicLong();

    static {
        // the heap in use, sampled: summing the pools' own peaks would add peaks that never happened together
        Thread sampler = new Thread(
                () -> {
                    while (true) {
                        PEAK_HEAP.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Forgets the heap and thread peaks, after a collection, so the next peaks are one round's. */
    static void resetPeaks() {
        System.gc();
        PEAK_HEAP.set(0);
        ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    }

    /** The most heap in use (sampled every 10 ms) since {@link #resetPeaks()}, in MB. */
    static double peakHeapMegabytes() {
        return PEAK_HEAP.get() / 1048576.0;
    }

    /** Live threads at their peak since {@link #resetPeaks()}, all of the JVM's included. */
    static int peakThreads() {
        return ManagementFactory.getThreadMXBean().getPeakThreadCount();
    }

    /** The JVM's maximum heap, in MB. */
    static long maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** A new result: what was measured, how, and (filled in by the program) figures and targets. */
    static ObjectNode result(String id, String title, String setup) {
        ObjectNode result =
                JSON.createObjectNode().put("id", id).put("title", title).put("setup", setup);
        result.putObject("figures");
        result.putArray("targets");
        result.putArray("notes");
        return result;
    }

    /** Adds a target: its text, the measured value, and whether it was met. */
    static void target(ObjectNode result, String text, String measured, boolean met) {
        ((ArrayNode) result.get("targets"))
                .addObject()
                .put("target", text)
                .put("measured", measured)
                .put("met", met);
    }

    /**
     * Adds a row of the report's comparison table: one figure measured for camel-dune, the bare client and the TS SDK
     * (either may be null: not measured, or the peer skipped), with camel-dune's ratio to the bare client and its
     * speed-up over the TS SDK ({@code lowerIsBetter} for times, not for rates).
     */
    static void compare(
            ObjectNode result, String figure, String mode, Stats camel, Stats bare, Stats peer, boolean lowerIsBetter) {
        compare(result, figure, mode, camel, bare, peer, null, lowerIsBetter);
    }

    /** The same, with what to say in the TS SDK's cell when it has no figure (it failed, say). */
    static void compare(
            ObjectNode result,
            String figure,
            String mode,
            Stats camel,
            Stats bare,
            Stats peer,
            String peerNote,
            boolean lowerIsBetter) {
        ObjectNode row = ((ArrayNode) result.withArray("comparisons"))
                .addObject()
                .put("figure", figure)
                .put("mode", mode)
                .put("lowerIsBetter", lowerIsBetter);
        camel.put(row, "camel-dune");
        if (bare != null) {
            bare.put(row, "bare");
            row.put("ratioToBare", Stats.round(camel.median() / bare.median()));
        }
        if (peer != null) {
            peer.put(row, "tsSdk");
            row.put(
                    "speedUpOverTsSdk",
                    Stats.round(lowerIsBetter ? peer.median() / camel.median() : camel.median() / peer.median()));
        } else if (peerNote != null) {
            row.put("tsSdkNote", peerNote);
        } else if (!TsSdk.available()) {
            row.put("tsSdkSkipped", TsSdk.skipped());
        }
    }

    /** Prints the result as the program's last line, for the runner to collect. */
    static void emit(ObjectNode result) {
        System.out.println(RESULT_PREFIX + result);
        System.out.flush();
    }

    /**
     * Runs a program's body and ends the JVM: 0 when it returned, 1 when it failed (its stack trace printed), so that
     * a thread left running (a Camel context's, after a failure) never keeps the runner waiting.
     */
    static void main(Work body) {
        int status = 0;
        try {
            body.run();
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    /** Work that is timed or profiled. */
    interface Work {
        void run() throws Exception;
    }

    /** Prints a progress line at once (the runner shows it as it comes). */
    static void say(String format, Object... args) {
        System.out.printf(format + "%n", args);
        System.out.flush();
    }
}

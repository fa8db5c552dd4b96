package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.dune.DuneConstants;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.Header;

/**
 * 3. Large results: 1,000,000 rows of 8 mixed columns read through {@code outputType=stream} (rows counted as they
 * come) and through {@code resultsCsv} into a file, in a JVM with {@code -Xmx256m}, against the same pages downloaded
 * by a bare HttpClient 5 client into a file (JSON pages, following {@code next_uri}; CSV pages, following
 * {@code x-dune-next-uri}). The rows are those of one completed execution, so every side reads the same bytes; one
 * {@code run} end to end is reported besides.
 */
public final class LargeResultBenchmark {

    private static final int ROWS = 1_000_000;
    private static final int ROUNDS = 3;
    private static final Pattern NEXT_URI = Pattern.compile("\"next_uri\"\\s*:\\s*\"([^\"]+)\"");
    private static final Path OUT = Path.of("target", "bench-large");

    private LargeResultBenchmark() {}

    /** {@code LargeResultBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String emulator = args[0];
        String apiKey = args[1];
        Files.createDirectories(OUT);
        ObjectNode result = Bench.result(
                "large",
                "3. Large results: 1,000,000 rows x 8 columns in -Xmx256m",
                String.format(
                        "in each mode, %d rounds after one warm-up round; each round: bare JSON download, "
                                + "dune:results?outputType=stream counting rows, dune:resultsCsv into a file, bare CSV "
                                + "download; then the TS SDK paging through getExecutionResults (%d rounds after one); "
                                + "all read one execution of query 1005 (row_count=%,d) in the emulator's pages of up "
                                + "to 30,000 rows; modes: against the emulator, and client-only (the replay server "
                                + "answers the same pages from memory)",
                        ROUNDS, ROUNDS, ROWS));
        String id;
        try (CloseableHttpClient bare = Bench.bareClient()) {
            String body = "{\"query_parameters\":{\"row_count\":" + ROWS + "}}";
            id = Bench.completedExecution(bare, emulator, apiKey, 1005, body);
        }
        Bench.say("execution %s holds %,d rows", id, ROWS);
        Map<String, Stats> onEmulator = measure("emulator", emulator, apiKey, id, result);
        Map<String, Stats> clientOnly;
        try (ReplayServer.Process replay = ReplayServer.Process.start(emulator, apiKey, id)) {
            clientOnly = measure("client-only", replay.baseUrl(), apiKey, id, result);
        }
        runEndToEnd(emulator, apiKey, result);
        for (var mode : List.of(Map.entry("emulator", onEmulator), Map.entry("client-only", clientOnly))) {
            Map<String, Stats> m = mode.getValue();
            Bench.compare(
                    result,
                    "rows read per second, JSON (bare: pages into a file)",
                    mode.getKey(),
                    m.get(STREAM),
                    m.get(BARE_JSON),
                    m.get(TS_SDK),
                    false);
            Bench.compare(
                    result,
                    "rows read per second, JSON parsed (bare: Jackson's streaming parser)",
                    mode.getKey(),
                    m.get(STREAM),
                    m.get(BARE_PARSE),
                    m.get(TS_SDK),
                    false);
            Bench.compare(
                    result, "rows read per second (CSV)", mode.getKey(), m.get(CSV), m.get(BARE_CSV), null, false);
        }
        double streamRatio =
                clientOnly.get(STREAM).median() / clientOnly.get(BARE_JSON).median();
        // the CSV target is the report's own, from before the client-only mode: against the emulator
        double csvRatio =
                onEmulator.get(CSV).median() / onEmulator.get(BARE_CSV).median();
        Bench.target(
                result,
                "client-only: stream at least 0.9x the bare JSON download",
                String.format("%.3fx", streamRatio),
                streamRatio >= 0.9);
        Bench.target(
                result,
                "against the emulator: resultsCsv at least 0.8x the bare CSV download",
                String.format("%.3fx", csvRatio),
                csvRatio >= 0.8);
        if (clientOnly.containsKey(TS_SDK)) {
            double speedUp =
                    clientOnly.get(STREAM).median() / clientOnly.get(TS_SDK).median();
            Bench.target(
                    result,
                    "client-only: stream at least 2x the TS SDK's rows/s",
                    String.format("%.2fx", speedUp),
                    speedUp >= 2);
        }
        double peak = Math.max(onEmulator.get(HEAP).max(), clientOnly.get(HEAP).max());
        Bench.target(result, "no OutOfMemoryError in -Xmx256m", String.format("none; peak %.0f MB", peak), true);
        ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("notes"))
                .add(String.format(
                        "The bare JSON download only writes the bytes to a file; stream also parses every value of "
                                + "every row for the route. Client-only, a bare client that does parse, page by page "
                                + "with Jackson's streaming parser, reads %,.0f rows/s: %.2fx the download. That is "
                                + "the cost of reading 8 values a row out of about 150 bytes of JSON on this machine, "
                                + "and what stands between stream (%,.0f rows/s, %.2fx the bare parse) and the "
                                + "download. camel-dune checks and counts each page as it arrives, on the HTTP "
                                + "client's thread, and reads its rows one at a time on the route's thread as they are "
                                + "taken, while the next page is on its way; the profile shows where the rest "
                                + "goes. The TS SDK's figure is its paging call with each page's rows counted and "
                                + "dropped; its whole-result helpers hold every page in memory.",
                        clientOnly.get(BARE_PARSE).median(),
                        clientOnly.get(BARE_PARSE).median()
                                / clientOnly.get(BARE_JSON).median(),
                        clientOnly.get(STREAM).median(),
                        clientOnly.get(STREAM).median()
                                / clientOnly.get(BARE_PARSE).median()));
        Bench.emit(result);
    }

    private static final String STREAM = "stream (rows parsed and counted)";
    private static final String BARE_JSON = "bare JSON pages into a file";
    private static final String BARE_PARSE =
            "bare JSON pages parsed by Jackson's streaming parser (each row's values read, then dropped)";
    private static final String CSV = "resultsCsv into a file";
    private static final String BARE_CSV = "bare CSV pages into a file";
    private static final String HEAP = "peak heap used (stream and CSV)";
    private static final String TS_SDK = "TS SDK getExecutionResults, every page";

    /** One mode: the rounds of the Java readers, then the TS SDK's; each figure also goes into the result. */
    private static Map<String, Stats> measure(String mode, String baseUrl, String apiKey, String id, ObjectNode result)
            throws Exception {
        AtomicLong streamed = new AtomicLong();
        CamelContext camel = Bench.camel(baseUrl, apiKey, c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("dune:results?outputType=stream").process(e -> countRows(e, streamed));
                from("direct:csv").to("dune:resultsCsv").process(e -> {
                    try (var in = e.getMessage().getBody(java.io.InputStream.class);
                            OutputStream out = Files.newOutputStream(OUT.resolve("camel.csv"))) {
                        in.transferTo(out);
                    }
                });
            }
        });
        String results = baseUrl + "/v1/execution/" + id + "/results";
        List<Double> bareJson = new ArrayList<>();
        List<Double> bareParse = new ArrayList<>();
        List<Double> stream = new ArrayList<>();
        List<Double> bareCsv = new ArrayList<>();
        List<Double> csv = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        try (CloseableHttpClient bare = Bench.bareClient();
                ProducerTemplate template = camel.createProducerTemplate()) {
            // round 0 warms up and is not counted
            for (int round = 0; round <= ROUNDS; round++) {
                double j = rowsPerSecond(() -> bareDownload(bare, results, apiKey, false));
                check(countRowsInJson(Files.readAllBytes(OUT.resolve("bare.json"))), "bare JSON");
                double jp = rowsPerSecond(() -> check(bareParse(bare, results, apiKey), "bare JSON parsed"));
                Bench.resetPeaks();
                double s = rowsPerSecond(() -> {
                    streamed.set(0);
                    Exchange done = template.request(
                            "direct:stream", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
                    fail(done);
                    check(streamed.get(), "stream");
                });
                // the file is checked after the clock stops, as the bare download's is
                double c = rowsPerSecond(() -> fail(
                        template.request("direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id))));
                check(csvDataRows(OUT.resolve("camel.csv")), "resultsCsv");
                double peak = Bench.peakHeapMegabytes();
                double b = rowsPerSecond(() -> bareDownload(bare, results + "/csv", apiKey, true));
                check(csvDataRows(OUT.resolve("bare.csv")), "bare CSV");
                Bench.say(
                        "%s round %d: rows/s bare JSON %,.0f, bare JSON parsed %,.0f, stream %,.0f, bare CSV %,.0f, "
                                + "resultsCsv %,.0f; peak heap %.0f MB",
                        mode, round, j, jp, s, b, c, peak);
                if (round > 0) {
                    bareJson.add(j);
                    bareParse.add(jp);
                    stream.add(s);
                    bareCsv.add(b);
                    csv.add(c);
                    heap.add(peak);
                }
            }
            if (mode.equals("client-only")) {
                Profile.of(result, "one stream of the 1,000,000 rows, client-only", () -> {
                    streamed.set(0);
                    fail(template.request(
                            "direct:stream", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id)));
                    check(streamed.get(), "stream");
                });
                Profile.of(
                        result,
                        "one resultsCsv of the 1,000,000 rows into a file, client-only",
                        () -> fail(template.request(
                                "direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id))));
                check(csvDataRows(OUT.resolve("camel.csv")), "resultsCsv");
            }
        } finally {
            camel.close();
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        stats.put(STREAM, Stats.of("rows/s", stream));
        stats.put(BARE_JSON, Stats.of("rows/s", bareJson));
        stats.put(BARE_PARSE, Stats.of("rows/s", bareParse));
        stats.put(CSV, Stats.of("rows/s", csv));
        stats.put(BARE_CSV, Stats.of("rows/s", bareCsv));
        stats.put(HEAP, Stats.of("MB", heap));
        if (TsSdk.available()) {
            JsonNode peer = TsSdk.run(900, "rows", baseUrl, apiKey, id, String.valueOf(ROUNDS));
            if (peer.has("error")) {
                throw new IllegalStateException(peer.get("error").asText());
            }
            check(peer.get("rows").asLong(), "TS SDK");
            List<Double> rates = new ArrayList<>();
            peer.get("rowsPerSecond").forEach(v -> rates.add(v.asDouble()));
            stats.put(TS_SDK, Stats.of("rows/s", rates));
            Stats.of("MB", peer.get("peakRssMb").asDouble())
                    .into(result, mode + ": TS SDK peak resident memory (Node)");
            Bench.say("%s TS SDK rows/s: %s", mode, rates);
        }
        stats.forEach((name, s) -> s.into(result, mode + ": " + name));
        return stats;
    }

    /** One run end to end on the emulator: execute a million rows, wait, stream them. */
    private static void runEndToEnd(String baseUrl, String apiKey, ObjectNode result) throws Exception {
        AtomicLong streamed = new AtomicLong();
        CamelContext camel = Bench.camel(baseUrl, apiKey, c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("dune:run?queryId=1005&outputType=stream").process(e -> countRows(e, streamed));
            }
        });
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            long start = System.nanoTime();
            fail(template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", ROWS))));
            check(streamed.get(), "run");
            double runSeconds = (System.nanoTime() - start) / 1e9;
            Bench.say("run end to end (execute, wait, stream): %.2f s", runSeconds);
            ((ObjectNode) result.get("figures"))
                    .put(
                            "emulator: run end to end (execute 1M rows, wait, stream)",
                            String.format("%.2f s", runSeconds))
                    .put("max heap (-Xmx)", Bench.maxHeapMegabytes() + " MB");
        } finally {
            camel.close();
        }
    }

    private static void countRows(Exchange e, AtomicLong counter) {
        Iterator<?> rows = e.getMessage().getBody(Iterator.class);
        long n = 0;
        while (rows.hasNext()) {
            if (rows.next() != null) {
                n++;
            }
        }
        counter.set(n);
    }

    /** Downloads every page into one file, following the next page's URI, doing no more than that. */
    private static void bareDownload(CloseableHttpClient http, String firstPage, String apiKey, boolean csv)
            throws IOException {
        Path file = OUT.resolve(csv ? "bare.csv" : "bare.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            String next = firstPage;
            while (next != null) {
                HttpGet get = new HttpGet(next);
                get.setHeader("X-Dune-Api-Key", apiKey);
                String[] following = new String[1];
                http.execute(get, response -> {
                    if (response.getCode() != 200) {
                        throw new IOException(get.getRequestUri() + " answered " + response.getCode());
                    }
                    byte[] page = response.getEntity().getContent().readAllBytes();
                    out.write(page);
                    if (csv) {
                        Header h = response.getFirstHeader("x-dune-next-uri");
                        following[0] = h == null ? null : h.getValue();
                    } else {
                        // the page's tail holds next_uri, after the rows; a real client would parse the whole page
                        String tail = new String(
                                page,
                                Math.max(0, page.length - 4096),
                                Math.min(4096, page.length),
                                StandardCharsets.UTF_8);
                        Matcher m = NEXT_URI.matcher(tail);
                        following[0] = m.find() ? m.group(1) : null;
                    }
                    return null;
                });
                next = following[0];
            }
        }
    }

    /**
     * The least a client that reads the rows does: each page downloaded whole, then its rows' values read by Jackson's
     * streaming parser (a string, a number, a boolean each) and dropped; the rows read.
     */
    private static long bareParse(CloseableHttpClient http, String firstPage, String apiKey) throws IOException {
        long rows = 0;
        String next = firstPage;
        while (next != null) {
            HttpGet get = new HttpGet(next);
            get.setHeader("X-Dune-Api-Key", apiKey);
            byte[] page = http.execute(
                    get, response -> response.getEntity().getContent().readAllBytes());
            next = null;
            try (JsonParser p = Bench.JSON.getFactory().createParser(page)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (field.equals("next_uri") && value == JsonToken.VALUE_STRING) {
                        next = p.getText();
                    } else if (field.equals("result")) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            if (p.currentName().equals("rows") && p.nextToken() == JsonToken.START_ARRAY) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    Object[] values = new Object[8];
                                    for (int i = 0; p.nextToken() == JsonToken.FIELD_NAME; i++) {
                                        values[i % 8] = switch (p.nextToken()) {
                                            case VALUE_STRING -> p.getText();
                                            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
                                            case VALUE_TRUE -> Boolean.TRUE;
                                            case VALUE_FALSE -> Boolean.FALSE;
                                            default -> null;
                                        };
                                    }
                                    rows += values.length > 0 ? 1 : 0;
                                }
                            } else {
                                p.nextToken();
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return rows;
    }

    /** Data lines of a CSV file made of pages that each start with the header line. */
    private static long csvDataRows(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.startsWith("number,label,")).count();
        }
    }

    /** Rows of a JSON page: each row of 1005 is one object with a {@code "number"} key. */
    private static long countRowsInJson(byte[] page) {
        byte[] key = "\"number\":".getBytes(StandardCharsets.US_ASCII);
        long n = 0;
        outer:
        for (int i = 0; i <= page.length - key.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (page[i + k] != key[k]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double rowsPerSecond(Timed task) throws Exception {
        long start = System.nanoTime();
        task.run();
        return ROWS / ((System.nanoTime() - start) / 1e9);
    }

    private static void check(long rows, String what) {
        if (rows != ROWS) {
            throw new IllegalStateException(what + " gave " + rows + " rows, not " + ROWS);
        }
    }

    private static void fail(Exchange done) {
        if (done.getException() != null) {
            throw new IllegalStateException(done.getException());
        }
    }
}

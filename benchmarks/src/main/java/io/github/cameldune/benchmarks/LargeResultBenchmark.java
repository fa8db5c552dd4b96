package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.dune.DuneConstants;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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

    /** {@code LargeResultBenchmark <baseUrl> <apiKey>}. */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        Files.createDirectories(OUT);
        AtomicLong streamed = new AtomicLong();
        CamelContext camel = Bench.camel(baseUrl, apiKey, c -> {}, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stream").to("dune:results?outputType=stream").process(e -> countRows(e, streamed));
                from("direct:run").to("dune:run?queryId=1005&outputType=stream").process(e -> countRows(e, streamed));
                from("direct:csv").to("dune:resultsCsv").process(e -> {
                    try (var in = e.getMessage().getBody(java.io.InputStream.class);
                            OutputStream out = Files.newOutputStream(OUT.resolve("camel.csv"))) {
                        in.transferTo(out);
                    }
                });
            }
        });
        try (CloseableHttpClient bare = Bench.bareClient();
                ProducerTemplate template = camel.createProducerTemplate()) {
            String body = "{\"query_parameters\":{\"row_count\":" + ROWS + "}}";
            String id = Bench.completedExecution(bare, baseUrl, apiKey, 1005, body);
            Bench.say("execution %s holds %,d rows", id, ROWS);
            String results = baseUrl + "/v1/execution/" + id + "/results";

            List<Double> bareJson = new ArrayList<>();
            List<Double> stream = new ArrayList<>();
            List<Double> bareCsv = new ArrayList<>();
            List<Double> csv = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            // round 0 warms up and is not counted
            for (int round = 0; round <= ROUNDS; round++) {
                double j = rowsPerSecond(() -> bareDownload(bare, results, apiKey, false));
                check(countRowsInJson(Files.readAllBytes(OUT.resolve("bare.json"))), "bare JSON");
                Bench.resetPeaks();
                double s = rowsPerSecond(() -> {
                    streamed.set(0);
                    Exchange done = template.request(
                            "direct:stream", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
                    fail(done);
                    check(streamed.get(), "stream");
                });
                double c = rowsPerSecond(() -> {
                    fail(template.request("direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id)));
                    check(csvDataRows(OUT.resolve("camel.csv")), "resultsCsv");
                });
                double peak = Bench.peakHeapMegabytes();
                double b = rowsPerSecond(() -> bareDownload(bare, results + "/csv", apiKey, true));
                check(csvDataRows(OUT.resolve("bare.csv")), "bare CSV");
                Bench.say(
                        "round %d: rows/s bare JSON %,.0f, stream %,.0f, bare CSV %,.0f, resultsCsv %,.0f; peak "
                                + "heap %.0f MB",
                        round, j, s, b, c, peak);
                if (round > 0) {
                    bareJson.add(j);
                    stream.add(s);
                    bareCsv.add(b);
                    csv.add(c);
                    heap.add(peak);
                }
            }
            Bench.resetPeaks();
            long start = System.nanoTime();
            streamed.set(0);
            fail(template.request("direct:run", e -> e.getMessage().setBody(Map.of("row_count", ROWS))));
            check(streamed.get(), "run");
            double runSeconds = (System.nanoTime() - start) / 1e9;
            Bench.say("run end to end (execute, wait, stream): %.2f s", runSeconds);

            ObjectNode result = Bench.result(
                    "large",
                    "3. Large results: 1,000,000 rows x 8 columns in -Xmx256m",
                    String.format(
                            "%d rounds after one warm-up round; each round: bare JSON download, "
                                    + "dune:results?outputType=stream counting rows, dune:resultsCsv into a file, bare CSV "
                                    + "download; all read one execution of query 1005 (row_count=%,d) from the emulator, in "
                                    + "its pages of up to 30,000 rows",
                            ROUNDS, ROWS));
            Stats streamStats = Stats.of("rows/s", stream);
            Stats bareJsonStats = Stats.of("rows/s", bareJson);
            Stats csvStats = Stats.of("rows/s", csv);
            Stats bareCsvStats = Stats.of("rows/s", bareCsv);
            streamStats.into(result, "stream (rows parsed and counted)");
            bareJsonStats.into(result, "bare JSON pages into a file");
            csvStats.into(result, "resultsCsv into a file");
            bareCsvStats.into(result, "bare CSV pages into a file");
            Stats heapStats = Stats.of("MB", heap);
            heapStats.into(result, "peak heap used (stream and CSV)");
            ((ObjectNode) result.get("figures"))
                    .put("run end to end (execute 1M rows, wait, stream)", String.format("%.2f s", runSeconds))
                    .put("max heap (-Xmx)", Bench.maxHeapMegabytes() + " MB");
            double streamRatio = streamStats.median() / bareJsonStats.median();
            double csvRatio = csvStats.median() / bareCsvStats.median();
            Bench.target(
                    result,
                    "stream at least 0.8x the bare JSON download",
                    String.format("%.3fx", streamRatio),
                    streamRatio >= 0.8);
            Bench.target(
                    result,
                    "resultsCsv at least 0.8x the bare CSV download",
                    String.format("%.3fx", csvRatio),
                    csvRatio >= 0.8);
            Bench.target(
                    result,
                    "no OutOfMemoryError in -Xmx256m",
                    String.format("none; peak %.0f MB", heapStats.max()),
                    true);
            ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("notes"))
                    .add("The bare JSON baseline "
                            + "only writes the bytes to a file; stream also parses every row into a map for the route. On 2 "
                            + "cores shared with the emulator, which spends about one core producing the pages, that parsing "
                            + "and its garbage collection in a 256 MB heap are what stands between the two. camel-dune reads "
                            + "rows compactly (keys once per page), hands each out as a map only when the route takes it, and "
                            + "asks for the next page while the route reads the current one.");
            Bench.emit(result);
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

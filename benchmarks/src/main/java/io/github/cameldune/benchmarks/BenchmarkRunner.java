package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.emulator.DuneEmulatorProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark and writes the report. Each benchmark program runs in a fresh JVM with its own heap limit, against
 * a fresh emulator in a JVM of its own, so the figures of one never carry the garbage, the JIT state or the executions
 * of another. Each
 * program ends with one {@code RESULT {json}} line; the runner gathers them into {@code latest.json} and
 * {@code latest.md}.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests verify                          # all, about 10 minutes on 2 cores
 * mvn -B -Pbench -DskipTests verify -Dbench.only=overhead    # some: overhead,concurrency,large,polling,capacity,replicas
 * </pre>
 */
public final class BenchmarkRunner {

    private static final String API_KEY = "benchmark-key";

    /** A benchmark program, the heap its JVM gets, and options for its emulator. */
    private record Program(String id, Class<?> main, String heap, String... emulatorOptions) {

        /** The emulator's JVM options: a large heap, and for the concurrency program room for every connection. */
        List<String> emulatorJvm() {
            // the JDK server closes idle keep-alive connections beyond its cap (2,000 as the emulator sets it) and
            // those idle for 30 s; the TS SDK opens a connection per request in flight, and found them closed under
            // its next request ("other side closed"), which Dune's front end does not do
            return id.equals("concurrency")
                    ? List.of(
                            "-Xmx2g",
                            "-Dsun.net.httpserver.maxIdleConnections=100000",
                            "-Dsun.net.httpserver.idleInterval=600")
                    : List.of("-Xmx2g");
        }
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("overhead", OverheadBenchmark.class, "-Xmx512m"),
            // a queue wide enough for 50,000 executions at once; results dropped soon, so they stay cheap
            new Program(
                    "concurrency",
                    ConcurrencyBenchmark.class,
                    "-Xmx1g",
                    "--max-concurrent",
                    "60000",
                    "--retention",
                    "30s"),
            new Program("large", LargeResultBenchmark.class, "-Xmx256m"),
            // room for all six executions at once: the figures are about polling, not about a queue
            new Program("polling", PollingBenchmark.class, "-Xmx256m", "--max-concurrent", "20"),
            new Program("capacity", EmulatorCapacityBenchmark.class, "-Xmx256m"),
            // the broker runs in the program's JVM, the replicas in JVMs of their own
            new Program("replicas", ReplicasBenchmark.class, "-Xmx512m", "--max-concurrent", "100"));

    private BenchmarkRunner() {}

    /** {@code --out <dir> --queries <dir> [--only overhead,polling]}. */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path out = Path.of(options.getOrDefault("--out", "results"));
        String queries = options.getOrDefault("--queries", "queries");
        Path node = Path.of(options.getOrDefault("--node", "node"));
        // the peer, installed once for every program; without Node its rows are skipped and the report says why
        Path tsSdk = node.toAbsolutePath().getParent().resolve("target").resolve("ts-sdk");
        String tsSdkSkipped = TsSdk.install(node, tsSdk);
        if (tsSdkSkipped != null) {
            Bench.say("%s", tsSdkSkipped);
        }
        List<String> only = Arrays.asList(options.getOrDefault("--only", "all").split(","));
        Instant started = Instant.now();
        ObjectNode report = Bench.JSON.createObjectNode();
        report.put("date", started.toString());
        report.set("machine", Report.machine());
        ArrayNode results = report.putArray("benchmarks");

        for (Program program : PROGRAMS) {
            if (only.contains("all") || only.contains(program.id())) {
                // a fresh emulator for each, so none inherits another's executions
                List<String> emulatorOptions = new ArrayList<>(List.of("--api-key", API_KEY, "--queries", queries));
                emulatorOptions.addAll(List.of(program.emulatorOptions()));
                try (DuneEmulatorProcess emulator =
                        DuneEmulatorProcess.start(program.emulatorJvm(), emulatorOptions.toArray(String[]::new))) {
                    results.add(run(program, emulator.baseUrl(), tsSdk, tsSdkSkipped));
                }
            }
        }
        report.put("seconds", Duration.between(started, Instant.now()).toSeconds());
        Files.createDirectories(out);
        Files.writeString(out.resolve("latest.json"), report.toPrettyString() + "\n");
        Files.writeString(out.resolve("latest.md"), Report.markdown(report));
        Bench.say(
                "report written to %s (%d s)",
                out.resolve("latest.md"), report.get("seconds").asLong());
        boolean failed = false;
        for (var r : results) {
            failed |= r.has("error");
        }
        if (failed) {
            System.exit(1);
        }
    }

    private static ObjectNode run(Program program, String baseUrl, Path tsSdk, String tsSdkSkipped)
            throws IOException, InterruptedException {
        Bench.say("== %s (%s, %s)", program.id(), program.main().getSimpleName(), program.heap());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                program.heap(),
                tsSdkSkipped == null
                        ? "-D" + TsSdk.DIR_PROPERTY + "=" + tsSdk
                        : "-D" + TsSdk.SKIPPED_PROPERTY + "=" + tsSdkSkipped,
                "-cp",
                System.getProperty("java.class.path"),
                program.main().getName(),
                baseUrl,
                API_KEY));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String resultLine = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Bench.RESULT_PREFIX)) {
                    resultLine = line.substring(Bench.RESULT_PREFIX.length());
                } else {
                    System.out.println("   " + line);
                }
            }
        }
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (resultLine == null || process.exitValue() != 0) {
            Bench.say("!! %s failed (exit %d)", program.id(), process.exitValue());
            return Bench.JSON
                    .createObjectNode()
                    .put("id", program.id())
                    .put(
                            "error",
                            "the program ended with exit " + process.exitValue() + " and "
                                    + (resultLine == null ? "no" : "a") + " result");
        }
        ObjectNode result = (ObjectNode) Bench.JSON.readTree(resultLine);
        result.put("jvm", program.heap()).put("seconds", Math.round(seconds));
        return result;
    }
}

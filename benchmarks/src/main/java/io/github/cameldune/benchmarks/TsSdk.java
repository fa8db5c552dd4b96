package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peer: Dune's official TypeScript SDK, pinned in {@code benchmarks/node/package.json}, installed from npm into
 * {@code target/ts-sdk} by the benchmark run ({@link #install}), and run by Node on the same server and workloads as
 * camel-dune ({@code node/ts-sdk-bench.cjs}). Node is the only prerequisite; without it the peer rows are skipped, and
 * the report says why.
 */
final class TsSdk {

    /** The system property by which the runner hands the installed SDK's folder to the benchmark programs. */
    static final String DIR_PROPERTY = "bench.tsSdk";
    /** The system property that says why the peer is skipped, when it is. */
    static final String SKIPPED_PROPERTY = "bench.tsSdkSkipped";

    private TsSdk() {}

    /**
     * Installs the pinned SDK with {@code npm ci} into {@code target}, beside a copy of the script; returns null and
     * prints why when Node or npm is missing or the install fails.
     */
    static String install(Path nodeSources, Path target) {
        try {
            String node =
                    output(List.of("node", "--version"), target.getParent(), 30).trim();
            Files.createDirectories(target);
            for (String file : List.of("package.json", "package-lock.json", "ts-sdk-bench.cjs")) {
                Files.copy(nodeSources.resolve(file), target.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.isDirectory(target.resolve("node_modules/@duneanalytics/client-sdk"))) {
                output(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), target, 300);
            }
            Bench.say("TS SDK peer: @duneanalytics/client-sdk %s on Node %s, in %s", version(target), node, target);
            return null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "the TS SDK peer is skipped: " + e.getMessage();
        }
    }

    private static String version(Path target) throws IOException {
        return Bench.JSON
                .readTree(target.resolve("node_modules/@duneanalytics/client-sdk/package.json")
                        .toFile())
                .path("version")
                .asText();
    }

    /** Whether the runner installed the peer for this program. */
    static boolean available() {
        return System.getProperty(DIR_PROPERTY) != null;
    }

    /** Why the peer is not there, for the report. */
    static String skipped() {
        return System.getProperty(SKIPPED_PROPERTY, "the TS SDK peer is skipped");
    }

    /**
     * Runs the script with these arguments and returns its {@code RESULT} object; when the run fails, an object with
     * {@code error}: what it printed last, for the report.
     */
    static JsonNode run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY));
        List<String> command = new ArrayList<>(List.of("node", "ts-sdk-bench.cjs"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String result = null;
        java.util.Deque<String> last = new java.util.ArrayDeque<>();
        int echoed = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Bench.RESULT_PREFIX)) {
                    result = line.substring(Bench.RESULT_PREFIX.length());
                    continue;
                }
                String shown = line.length() > 300 ? line.substring(0, 300) + "..." : line;
                if (echoed++ < 5) {
                    // the SDK logs each failure; a few show what they were
                    Bench.say("   [ts-sdk] %s", shown);
                }
                last.addLast(shown);
                if (last.size() > 8) {
                    last.removeFirst();
                }
            }
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return failed("did not end in " + timeoutSeconds + " s", last);
        }
        if (result == null) {
            return failed("ended with exit " + process.exitValue() + " and no result", last);
        }
        return Bench.JSON.readTree(result);
    }

    private static JsonNode failed(String why, java.util.Collection<String> last) {
        String error = "the TS SDK run " + why + "; it printed last: " + String.join(" | ", last);
        Bench.say("   [ts-sdk] %s", error);
        return Bench.JSON.createObjectNode().put("error", error);
    }

    private static String output(List<String> command, Path dir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + text.strip());
        }
        return text;
    }
}

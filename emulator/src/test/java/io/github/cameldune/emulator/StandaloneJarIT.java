package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs on its own: {@code java -jar dune-emulator-<version>.jar --port 0 --api-key k}. */
@Timeout(600)
class StandaloneJarIT {

    private static final Pattern LISTENING = Pattern.compile(
            "dune-emulator listening on (http://127\\.0\\.0\\.1:(\\d+)/api) "
                    + "\\(base URL for Dune's official SDKs: http://127\\.0\\.0\\.1:(\\d+); account handle emulator\\)");

    @Test
    void faultsAndPlanLimitsAreSetAtStartAndChangedThroughTheAdminEndpoint(@TempDir Path dir) throws Exception {
        Path faults = dir.resolve("faults.json");
        Files.writeString(
                faults,
                "{\"faults\": [{\"endpoint\": \"execute\", \"queryId\": 1002, \"status\": 503,"
                        + " \"error\": \"from the file\"}]}");
        Process process = start(
                "--port",
                "0",
                "--any-api-key",
                "--faults",
                faults.toString(),
                "--fault",
                "{\"endpoint\": \"execute\", \"queryId\": 1003, \"status\": 500, \"times\": 1}",
                "--rate-limits",
                "write=100,read=200,window=1m");
        try {
            ApiClient api = new ApiClient(listeningOn(process), "any");
            ApiClient.Response fromFile = api.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}");
            assertThat(fromFile.status()).isEqualTo(503);
            assertThat(fromFile.body()).contains("from the file");
            assertThat(fromFile.raw().headers().firstValue("RateLimit-Policy")).hasValue("\"write\";q=100;w=60");
            assertThat(api.post("/v1/query/" + SampleQuery.WALLET_TRADES + "/execute", "{}")
                            .status())
                    .isEqualTo(500);
            assertThat(api.post("/v1/query/" + SampleQuery.WALLET_TRADES + "/execute", "{}")
                            .status())
                    .as("--fault used up")
                    .isEqualTo(200);

            assertThat(api.admin("DELETE", "/emulator/faults", null).status()).isEqualTo(200);
            assertThat(api.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}")
                            .status())
                    .isEqualTo(200);
            api.admin("POST", "/emulator/faults", "{\"endpoint\": \"status\", \"status\": 502, \"times\": 1}");
            assertThat(api.get("/v1/execution/01HKZJ2683PHF9Q9PHHQ8FW4Q1/status")
                            .status())
                    .isEqualTo(502);
            assertThat(api.admin("GET", "/emulator/stats", null)
                            .json()
                            .get("executionsCreated")
                            .asInt())
                    .as("the 500 came before the work")
                    .isEqualTo(2);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aWrongFaultStopsTheStartWithTheReason() throws Exception {
        Process process = start("--port", "0", "--fault", "{\"status\": 503, \"endpoint\": \"nowhere\"}");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown endpoint 'nowhere'");
    }

    @Test
    void eachWrongArgumentIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<List<String>, String> mistakes = new java.util.LinkedHashMap<>();
            mistakes.put(List.of("--api-key"), "--api-key needs a value");
            mistakes.put(List.of("--port", "abc"), "--port takes a number, not 'abc'");
            mistakes.put(List.of("--queries", dir.resolve("missing").toString()), "no such folder");
            mistakes.put(List.of("--faults", dir.resolve("none.json").toString()), "no such file");
            mistakes.put(List.of("--port", String.valueOf(taken.getLocalPort())), "cannot listen on 127.0.0.1:");
            mistakes.put(List.of("--nope"), "unknown option --nope");
            for (Map.Entry<List<String>, String> mistake : mistakes.entrySet()) {
                Process process = start(mistake.getKey().toArray(String[]::new));
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("%s", mistake.getKey()).isEqualTo(2);
                assertThat(output.lines().toList())
                        .as("%s", mistake.getKey())
                        .singleElement()
                        .satisfies(line -> assertThat(line)
                                .startsWith("dune-emulator: ")
                                .contains(mistake.getValue())
                                .endsWith("(--help lists the options)"));
            }
        }
    }

    private static Process start(String... args) throws java.io.IOException {
        Path jar = Path.of(System.getProperty("emulator.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String listeningOn(Process process) throws java.io.IOException {
        String first =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        assertThat(m.matches()).as("first line: %s", first).isTrue();
        assertThat(m.group(3)).as("the SDKs' origin has the same port").isEqualTo(m.group(2));
        return m.group(1);
    }

    @Test
    void theJarStartsPrintsItsAddressAndAnswers(@TempDir Path queries) throws Exception {
        Path jar = Path.of(System.getProperty("emulator.jar"));
        assertThat(jar).exists();
        Files.writeString(queries.resolve("answer.sql"), "-- id: 4242\n-- name: answer\nSELECT 42 AS answer");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-jar",
                        jar.toString(),
                        "--port",
                        "0",
                        "--api-key",
                        "standalone-key",
                        "--queries",
                        queries.toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.matches()).as("first line: %s", first).isTrue();

            ApiClient api = new ApiClient(m.group(1), "standalone-key");
            String id = api.execute(4242, null);
            assertThat(api.awaitFinished(id).get("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
            assertThat(api.get("/v1/execution/" + id + "/results")
                            .json()
                            .at("/result/rows/0/answer")
                            .asInt())
                    .isEqualTo(42);
            assertThat(api.execute(SampleQuery.TOP_TRADERS.id(), "{}"))
                    .as("bundled queries are there too")
                    .hasSize(26);
            assertThat(new ApiClient(m.group(1), "other")
                            .post("/v1/query/4242/execute", "{}")
                            .status())
                    .isEqualTo(401);
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("stops on SIGTERM")
                    .isTrue();
        }
    }
}

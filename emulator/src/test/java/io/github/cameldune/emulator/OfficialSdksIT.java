package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.engine.ExecutionEngine;
import io.github.cameldune.emulator.engine.UploadColumn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dune's official clients, unchanged, against the emulator's pipelines and datasets: the TypeScript SDK pinned in
 * {@code benchmarks/node} (installed from the npm registry; skipped, saying so, without Node.js), and the Python client
 * from a checkout of its repository named by {@code DUNE_PYTHON_CLIENT} (PyPI is not reachable here; skipped, saying
 * so, without one). The scripts are in {@code src/test/sdk}.
 */
@Timeout(600)
class OfficialSdksIT {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SDK = Path.of("src", "test", "sdk");

    @Test
    void theTypeScriptSdksPipelineAndDatasetMethods() throws Exception {
        assumeTrue(
                onPath("node") && onPath("npm"), "Node.js and npm are not on the PATH: the TypeScript SDK is not run");
        Path install = Path.of("target", "ts-sdk");
        Files.createDirectories(install);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(
                    Path.of("..", "benchmarks", "node", file),
                    install.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        run(install, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        long viewQuery = queryOverAView();

        JsonNode result = run(
                install,
                Map.of(
                        "NODE_PATH",
                        install.resolve("node_modules").toAbsolutePath().toString()),
                "node",
                SDK.resolve("ts-sdk-compat.cjs").toAbsolutePath().toString(),
                DUNE.emulator().baseUrl(),
                DUNE.emulator().apiKey(),
                String.valueOf(SampleQuery.DAILY_DEX_VOLUME.id()),
                String.valueOf(viewQuery));
        for (String run : List.of("explicit", "byDefault")) {
            JsonNode status = result.get(run);
            assertThat(status.get("status").asText()).as(run).isEqualTo("completed");
            assertThat(status.at("/node_executions/0/query_execution_status/query_id")
                            .asLong())
                    .isEqualTo(SampleQuery.DAILY_DEX_VOLUME.id());
        }
        JsonNode overView = result.get("overView");
        assertThat(overView.get("status").asText()).isEqualTo("completed");
        assertThat(overView.at("/node_executions/0/materialized_view_refresh_status/name")
                        .asText())
                .isEqualTo("dune.emulator.result_compat");
        assertThat(overView.at("/node_executions/1/query_execution_status/query_id")
                        .asLong())
                .isEqualTo(viewQuery);
        assertThat(result.at("/list/total").asInt()).isEqualTo(3);
        assertThat(result.at("/list/datasets")).hasSize(2);
        assertThat(result.at("/trades/full_name").asText()).isEqualTo("dex.trades");
        assertThat(result.at("/trades/columns")).isNotEmpty();
        assertThat(DUNE.emulator().requests())
                .filteredOn(r -> r.path().endsWith("/pipeline/execute"))
                .extracting(RecordedRequest::body)
                .contains("{\"performance\":\"large\"}", "{\"performance\":\"medium\"}");
    }

    @Test
    void thePythonClientsPipelineAndDatasetMethods() throws Exception {
        String checkout = System.getenv("DUNE_PYTHON_CLIENT");
        assumeTrue(
                checkout != null && Files.isDirectory(Path.of(checkout, "dune_client")),
                "DUNE_PYTHON_CLIENT does not name a checkout of github.com/duneanalytics/dune-client: the Python "
                        + "client is not run (PyPI is not reachable from this build)");
        ExecutionEngine engine = DUNE.emulator().engine();
        engine.uploads()
                .create(
                        "emulator",
                        "wallets",
                        List.of(
                                new UploadColumn("wallet", "varbinary", false),
                                new UploadColumn("label", "varchar", true)),
                        "labelled wallets",
                        false);
        JsonNode result = run(
                Path.of(checkout),
                Map.of("PYTHONPATH", Path.of(checkout).toAbsolutePath().toString()),
                System.getenv().getOrDefault("DUNE_PYTHON", "python3"),
                SDK.resolve("python-client-compat.py").toAbsolutePath().toString(),
                DUNE.emulator().baseUrl().replaceFirst("/api$", ""),
                DUNE.emulator().apiKey(),
                String.valueOf(SampleQuery.DAILY_DEX_VOLUME.id()),
                "dune.emulator.wallets");
        assertThat(result.get("status").asText()).isEqualTo("completed");
        assertThat(result.at("/nodes/0/query_id").asLong()).isEqualTo(SampleQuery.DAILY_DEX_VOLUME.id());
        assertThat(result.at("/nodes/0/execution_id").asText()).startsWith("01");
        assertThat(result.get("listed")).extracting(JsonNode::asText).containsExactly("dune.emulator.wallets");
        assertThat(result.at("/table_columns/0/1").asText()).isEqualTo("varbinary");
        assertThat(result.get("trades_columns").asInt()).isGreaterThan(10);
    }

    /** A query reading a materialized view of another, so that its pipeline has a view's node first. */
    private static long queryOverAView() throws InterruptedException {
        ExecutionEngine engine = DUNE.emulator().engine();
        long source = engine.library().create("source", "SELECT 5 AS five", null, List.of(), Map.of(), false, false);
        String first = engine.materializedViews()
                .upsert("result_compat", source, null, null, false, null)
                .execution()
                .id();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> engine.find(first).orElseThrow().state().isFinished());
        return engine.library()
                .create("reader", "SELECT * FROM dune.emulator.result_compat", null, List.of(), Map.of(), false, false);
    }

    /** Runs a command in a folder; its last "RESULT " line as JSON, or a failure with its output. */
    private static JsonNode run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + ":\n" + output)
                .isZero();
        List<String> results = new ArrayList<>();
        output.lines().filter(l -> l.startsWith("RESULT ")).forEach(results::add);
        return results.isEmpty()
                ? null
                : JSON.readTree(results.get(results.size() - 1).substring(7));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}

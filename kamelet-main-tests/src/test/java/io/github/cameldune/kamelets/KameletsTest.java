package io.github.cameldune.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kamelet shipped in the camel-dune jar ({@code kamelets/}), bound in a YAML route or Pipe and run on KameletMain
 * (the runtime of {@code camel run}) against the emulator, produces what it says.
 */
@Timeout(120)
class KameletsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theQuerySourceSendsTheRowsOfEachRun(@TempDir Path dir) throws Exception {
        JsonNode rows = JSON.readTree(first(
                dir, """
                apiVersion: camel.apache.org/v1
                kind: Pipe
                metadata:
                  name: dune-rows
                spec:
                  source:
                    ref:
                      kind: Kamelet
                      apiVersion: camel.apache.org/v1
                      name: dune-query-source
                    properties:
                      apiKey: "%s"
                      baseUrl: "%s"
                      queryId: 1001
                      performance: large
                  sink:
                    uri: seda:out
                """.formatted(DUNE.emulator().apiKey(), DUNE.emulator().baseUrl())));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).has("volume_usd")).isTrue();
        assertThat(DUNE.emulator().requests().get(0).body()).contains("\"performance\":\"large\"");
    }

    @Test
    void theLatestResultsSourceSendsTheLatestResultWithoutExecuting(@TempDir Path dir) throws Exception {
        String id = DUNE.emulator()
                .engine()
                .executeQuery(1002, java.util.Map.of(), null)
                .orElseThrow()
                .id();
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() ->
                        DUNE.emulator().engine().find(id).orElseThrow().state().isFinished());
        long before = DUNE.emulator().executionsCreated();
        JsonNode rows = JSON.readTree(first(dir, """
                - route:
                    from:
                      uri: kamelet:dune-latest-results-source
                      parameters:
                        apiKey: "{{dune.api-key}}"
                        baseUrl: "{{dune.base-url}}"
                        queryId: 1002
                      steps:
                        - to: seda:out
                """));
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.get(0).has("trader")).isTrue();
        assertThat(DUNE.emulator().executionsCreated()).as("nothing executed").isEqualTo(before);
    }

    @Test
    void theRunActionRunsWithTheParametersOfTheMessage(@TempDir Path dir) throws Exception {
        JsonNode rows = JSON.readTree(first(dir, """
                - route:
                    from:
                      uri: timer:once?repeatCount=1
                      steps:
                        - setBody:
                            constant: '{"wallet": "0xe03b4de29ba24ee38cc640a73f40db50dd52f479", "max_rows": 3}'
                        - to:
                            uri: kamelet:dune-run-action
                            parameters:
                              apiKey: "{{dune.api-key}}"
                              baseUrl: "{{dune.base-url}}"
                              queryId: 1003
                        - to: seda:out
                """));
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(0).has("tx_hash")).isTrue();
    }

    @Test
    void theExecuteActionGivesTheExecutionToReadLater(@TempDir Path dir) throws Exception {
        JsonNode execution = JSON.readTree(first(dir, """
                - route:
                    from:
                      uri: timer:once?repeatCount=1
                      steps:
                        - setBody:
                            constant: '{"top_n": 5}'
                        - to:
                            uri: kamelet:dune-execute-action
                            parameters:
                              apiKey: "{{dune.api-key}}"
                              baseUrl: "{{dune.base-url}}"
                              queryId: 1002
                        - to: seda:out
                """));
        assertThat(execution.get("execution_id").asText()).startsWith("01");
        assertThat(execution.get("state").asText()).startsWith("QUERY_STATE_");
        assertThat(DUNE.emulator().executionsCreated()).isEqualTo(1);
    }

    @Test
    void theMaterializedViewRefreshActionRefreshesAndWaits(@TempDir Path dir) throws Exception {
        var engine = DUNE.emulator().engine();
        long source = engine.library()
                .create(
                        "blocks",
                        "SELECT count(*) AS blocks FROM ethereum.blocks",
                        null,
                        List.of(),
                        java.util.Map.of(),
                        false,
                        false);
        String first = engine.materializedViews()
                .upsert("result_block_count", source, null, null, false, null)
                .execution()
                .id();
        await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> engine.find(first).orElseThrow().state().isFinished());
        JsonNode refresh = JSON.readTree(first(dir, """
                - route:
                    from:
                      uri: timer:once?repeatCount=1
                      steps:
                        - to:
                            uri: kamelet:dune-materialized-view-refresh-action
                            parameters:
                              apiKey: "{{dune.api-key}}"
                              baseUrl: "{{dune.base-url}}"
                              materializedView: dune.emulator.result_block_count
                        - to: seda:out
                """));
        assertThat(refresh.get("name").asText()).isEqualTo("dune.emulator.result_block_count");
        String execution = refresh.get("execution_id").asText();
        assertThat(engine.find(execution).orElseThrow().state().wireName())
                .as("waited for")
                .isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(engine.materializedViews()
                        .find("dune.emulator.result_block_count")
                        .orElseThrow()
                        .lastExecutionIds()
                        .get(0))
                .isEqualTo(execution);
    }

    @Test
    void eachKameletNamesTheJarItComesWith() throws Exception {
        Properties component = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/io/github/cameldune/dune/camel-dune.properties")) {
            component.load(in);
        }
        for (String name : List.of(
                "dune-query-source",
                "dune-latest-results-source",
                "dune-run-action",
                "dune-execute-action",
                "dune-materialized-view-refresh-action")) {
            String kamelet;
            try (InputStream in = getClass().getResourceAsStream("/kamelets/" + name + ".kamelet.yaml")) {
                kamelet = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(kamelet)
                    .as(name)
                    .contains("- \"mvn:io.github.cameldune:camel-dune:" + component.getProperty("version") + "\"")
                    .contains("format: password");
        }
    }

    /** Runs the YAML on KameletMain until its first message reaches {@code seda:out}, and returns its body. */
    private static String first(Path dir, String yaml) throws Exception {
        Path routes = dir.resolve("binding.camel.yaml");
        Files.writeString(routes, yaml);
        KameletMain main = new KameletMain("camel-dune-tests", "classpath:kamelets");
        // everything is on the class path: nothing is downloaded
        main.setDownload(false);
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + routes);
        main.addInitialProperty("dune.api-key", DUNE.emulator().apiKey());
        main.addInitialProperty("dune.base-url", DUNE.emulator().baseUrl());
        main.start();
        try {
            String body = main.getCamelContext().createConsumerTemplate().receiveBody("seda:out", 20_000, String.class);
            assertThat(body).as("a message within 20 s").isNotNull();
            return body;
        } finally {
            main.stop();
        }
    }
}

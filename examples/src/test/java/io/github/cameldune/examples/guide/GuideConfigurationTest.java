package io.github.cameldune.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's configuration: its properties file (the key from {@code {{env:DUNE_API_KEY}}}), its YAML route and its
 * saved query, run by Camel Main against an emulator that loads the query.
 */
@Timeout(120)
class GuideConfigurationTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE =
            new DuneEmulatorExtension(b -> b.queries(Path.of("src/test/resources/guide/queries")));

    @Test
    void propertiesYamlAndSavedQueryWorkTogether() throws Exception {
        Path out = Path.of("target/guide/largest-trades.csv");
        Files.deleteIfExists(out);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:guide/application.properties");
        main.addOverrideProperty(
                "camel.component.dune.base-url", DUNE.emulator().baseUrl());
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:guide/refresh.camel.yaml");
        main.addOverrideProperty("camel.main.duration-max-messages", "1");
        main.addOverrideProperty("camel.component.dune.poll-interval", "100ms");
        main.run(new String[0]);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("block_time,project,token_pair,amount_usd,tx_hash");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(DUNE.emulator().requests().get(0).header("X-Dune-Api-Key")).isEqualTo(System.getenv("DUNE_API_KEY"));
        assertThat(DUNE.emulator().requests().get(0).body())
                .isEqualTo("{\"query_parameters\":{\"min_usd\":\"500000\"},\"performance\":\"medium\"}");
    }

    @Test
    void theGuidesFaultsFileGoesInThroughTheAdminEndpoint() throws Exception {
        String root = DUNE.emulator().baseUrl().replaceFirst("/api$", "");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> added = http.send(
                HttpRequest.newBuilder(URI.create(root + "/emulator/faults"))
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of("src/test/resources/guide/faults.json")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"status\" : 429", "\"reset\" : true", "\"latency\" : \"800ms\"");
        assertThat(DUNE.emulator().faults().list()).hasSize(4);
        assertThat(DUNE.emulator().rateLimits().writeQuota()).isEqualTo(15);
        assertThat(DUNE.emulator().rateLimits().readQuota()).isEqualTo(40);
    }
}

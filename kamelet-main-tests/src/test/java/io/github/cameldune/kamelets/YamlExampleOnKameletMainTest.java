package io.github.cameldune.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples' YAML route, unchanged, on KameletMain: what {@code camel run scheduled-refresh.camel.yaml
 * --dep=io.github.cameldune:camel-dune:<version>} runs, with the properties it would read from
 * {@code application.properties}.
 */
@Timeout(120)
class YamlExampleOnKameletMainTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void theYamlExampleRefreshesTheQuery(@TempDir Path out) throws Exception {
        Path route = Path.of("../examples/src/main/resources/routes/scheduled-refresh.camel.yaml")
                .toAbsolutePath();
        KameletMain main = new KameletMain("camel-dune-tests", "classpath:kamelets");
        main.setDownload(false);
        main.addInitialProperty("camel.main.routes-include-pattern", "file:" + route);
        main.addInitialProperty("camel.main.duration-max-messages", "1");
        main.addInitialProperty("camel.component.dune.api-key", DUNE.emulator().apiKey());
        main.addInitialProperty("camel.component.dune.base-url", DUNE.emulator().baseUrl());
        main.addInitialProperty("example.query-id", "1001");
        main.addInitialProperty("example.refresh-delay", "3600000");
        main.addInitialProperty("example.output-dir", out.toString());
        main.run(new String[0]);

        List<Path> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        List<String> lines = Files.readAllLines(files.get(0));
        assertThat(lines.get(0)).isEqualTo("day,project,trades,volume_usd");
        assertThat(lines).hasSizeGreaterThan(1);
    }
}

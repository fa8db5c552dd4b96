package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The YAML route's dune:run consumer refreshes the query and writes the result. */
@Timeout(120)
class YamlRefreshAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void theYamlConsumerRefreshesTheQuery(@TempDir Path out) throws Exception {
        Main main = ExampleRunner.create(null, "yaml-refresh.properties", DUNE.emulator());
        main.addOverrideProperty("example.output-dir", out.toString());
        main.run(new String[0]);

        List<Path> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        List<String> lines = Files.readAllLines(files.get(0));
        assertThat(lines.get(0)).isEqualTo("day,project,trades,volume_usd");
        assertThat(lines.size()).isGreaterThan(1);
        assertThat(DUNE.emulator().requests().get(0).body()).contains("\"blockchain\":\"base\"");
    }
}

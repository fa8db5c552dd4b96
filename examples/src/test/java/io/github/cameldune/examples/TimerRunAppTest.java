package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.main.Main;
import org.apache.camel.main.SecurityPolicyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command: timer → run → rows on screen and a CSV file, against the emulator, with no warning from
 * Camel's security policy (the key is given as a placeholder).
 */
@Timeout(120)
class TimerRunAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void runsTheQueryAndWritesTheCsvFile(@TempDir Path out) throws Exception {
        Main main = ExampleRunner.create(new TimerRunRoutes(), "timer-run.properties", DUNE.emulator());
        main.addOverrideProperty("example.output-dir", out.toString());
        main.run(new String[0]);

        List<String> lines = Files.readAllLines(out.resolve("top-traders.csv"));
        assertThat(lines.get(0)).isEqualTo("trader,trades,volume_usd,projects");
        assertThat(lines).hasSize(11);
        assertThat(lines.get(1)).startsWith("0x");
        assertThat(DUNE.emulator().executionsCreated()).isEqualTo(1);
        assertThat(main.getCamelContext()
                        .getCamelContextExtension()
                        .getContextPlugin(SecurityPolicyResult.class)
                        .getViolations())
                .as("Camel's SECURITY WARNINGs")
                .isEmpty();
    }
}

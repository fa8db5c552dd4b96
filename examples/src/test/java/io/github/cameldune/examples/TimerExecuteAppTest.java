package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's first example, run as the application runs it, against the emulator. */
@Timeout(120)
class TimerExecuteAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void theTimerExecutesTheQueryOnceAndStops() throws Exception {
        Main main = ExampleRunner.create(new TimerExecuteRoutes(), "timer-execute.properties", DUNE.emulator());
        main.run(new String[0]);

        assertThat(DUNE.emulator().requests()).hasSize(1);
        RecordedRequest execute = DUNE.emulator().requests().get(0);
        assertThat(execute.path()).isEqualTo("/api/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute");
        assertThat(execute.body()).isEqualTo("{\"query_parameters\":{},\"performance\":\"medium\"}");
        assertThat(DUNE.emulator().executionsCreated()).isEqualTo(1);
    }
}

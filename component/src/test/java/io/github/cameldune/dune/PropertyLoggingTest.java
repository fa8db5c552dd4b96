package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.SampleQuery;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the guide says of the key and Camel's own logs: with {@code {{env:DUNE_API_KEY}}}, Camel's property resolution
 * prints the resolved key at DEBUG; with the two loggers the guide names kept at INFO, a Camel Main start and a
 * message log everything else at DEBUG and the key nowhere.
 */
@Timeout(120)
class PropertyLoggingTest {

    private static final String ENV_KEY = System.getenv("DUNE_API_KEY");

    /** The loggers the guide tells users to keep at INFO (src-docs/user-guide.adoc, "Credentials and security"). */
    static final Map<String, Level> GUIDE_LEVELS = Map.of(
            "org.apache.camel.component.properties", Level.INFO,
            "org.apache.camel.impl.engine.DefaultCamelContextExtension", Level.INFO);

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.apiKey(ENV_KEY));

    @Test
    void camelItselfPrintsTheResolvedKeyAtDebug() throws Exception {
        List<String> lines = startAndSend(Map.of());
        assertThat(lines)
                .as("Camel's property resolution at DEBUG")
                .anyMatch(l -> l.contains(ENV_KEY) && l.contains("org.apache.camel."));
        assertThat(lines.stream().filter(l -> l.contains(ENV_KEY)))
                .as("none of them camel-dune's")
                .noneMatch(l -> l.contains("io.github.cameldune"));
    }

    @Test
    void withTheGuidesLevelsNoLineHoldsTheKey() throws Exception {
        List<String> lines = startAndSend(GUIDE_LEVELS);
        assertThat(lines).as("everything else at DEBUG").anyMatch(l -> l.startsWith("DEBUG org.apache.camel"));
        assertThat(lines).noneMatch(l -> l.contains(ENV_KEY));
    }

    private static List<String> startAndSend(Map<String, Level> levels) throws Exception {
        try (LogCapture capture = new LogCapture(Level.DEBUG, levels)) {
            Main main = new Main();
            main.addInitialProperty("camel.component.dune.api-key", "{{env:DUNE_API_KEY}}");
            main.addInitialProperty(
                    "camel.component.dune.base-url", DUNE.emulator().baseUrl());
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:main").to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&pollInitialDelay=20ms");
                }
            });
            main.start();
            try {
                main.getCamelTemplate().sendBody("direct:main", null);
            } finally {
                main.stop();
            }
            assertThat(DUNE.emulator().requests()).isNotEmpty();
            return capture.lines();
        }
    }
}

package io.github.cameldune.dune.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.dune.OutputType;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.SampleQuery;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code application.yml} in kebab-case: every kind of option binds (text, number, duration, enum, a bean named with
 * {@code #}), the user's {@code MeterRegistry} gets the meters, and a route runs a query against the emulator.
 */
@SpringBootTest(classes = StarterApp.class)
@Timeout(120)
class KebabCasePropertiesTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @DynamicPropertySource
    static void dune(DynamicPropertyRegistry properties) {
        properties.add("camel.component.dune.base-url", () -> DUNE.emulator().baseUrl());
        properties.add("camel.component.dune.api-key", () -> DUNE.emulator().apiKey());
    }

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdempotentRepository seenResults;

    @Autowired
    org.apache.camel.support.jsse.SSLContextParameters duneSsl;

    @Test
    void everyKindOfOptionBindsAndARouteRunsAQuery() {
        DuneComponent dune = camel.getComponent("dune", DuneComponent.class);
        assertThat(dune.getConfiguration().getApiKey())
                .isEqualTo(DUNE.emulator().apiKey());
        assertThat(dune.getCreditBudget()).isEqualTo(100.0);
        assertThat(dune.getRateLimitRead()).isEqualTo(600);
        assertThat(dune.getConfiguration().getWaitTimeout()).isEqualTo(120_000L);
        assertThat(dune.getConfiguration().getPollInterval()).isEqualTo(50L);
        assertThat(dune.getConfiguration().getOutputType()).isEqualTo(OutputType.rows);
        assertThat(dune.getConfiguration().getIdempotentRepository()).isSameAs(seenResults);
        assertThat(dune.getConfiguration().getSslContextParameters()).isSameAs(duneSsl);

        ProducerTemplate template = camel.createProducerTemplate();
        List<?> rows = template.requestBody(
                "dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&pollInitialDelay=20ms", null, List.class);
        assertThat(rows).isNotEmpty();
        assertThat(meters.get("dune.executions")
                        .tag("outcome", "completed")
                        .functionCounter()
                        .count())
                .isEqualTo(1.0);
    }
}

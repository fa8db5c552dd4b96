package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An application without camel-telemetry, as these examples are (it is optional in camel-dune): the span decorator's
 * service file is in the jar, nothing loads it, and every example here runs without it.
 */
@Timeout(120)
class WithoutTelemetryTest {

    @Test
    void camelTelemetryIsNotOnTheClassPathAndTheDecoratorIsNeverLoaded() {
        assertThatThrownBy(() -> Class.forName("org.apache.camel.telemetry.SpanDecorator"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(getClass().getResource("/META-INF/services/org.apache.camel.telemetry.SpanDecorator"))
                .as("the decorator is registered in the jar")
                .isNotNull();
        assertThatThrownBy(() -> Class.forName("io.github.cameldune.dune.tracing.DuneSpanDecorator"))
                .as("and cannot load here: nothing of camel-dune refers to it")
                .isInstanceOf(NoClassDefFoundError.class);
    }
}

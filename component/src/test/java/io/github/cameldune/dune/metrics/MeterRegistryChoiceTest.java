package io.github.cameldune.dune.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which registry the meters go to when the Camel registry holds several. */
@Timeout(120)
class MeterRegistryChoiceTest {

    @Test
    void withSeveralTheCompositeOfThemIsChosenAsSpringBootMakesIt() throws Exception {
        SimpleMeterRegistry one = new SimpleMeterRegistry();
        SimpleMeterRegistry two = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(one).add(two);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("one", one);
            context.getRegistry().bind("two", two);
            context.getRegistry().bind("compositeMeterRegistry", composite);
            context.addComponent("dune", new DuneComponent());
            context.start();
            context.getComponent("dune");
            assertThat(composite.find("dune.executions.waiting").gauge()).isNotNull();
            assertThat(one.find("dune.executions.waiting").gauge())
                    .as("through the composite")
                    .isNotNull();
        }
    }

    @Test
    void withSeveralAndNoCompositeTheOneNamedMeterRegistryIsChosen() throws Exception {
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        SimpleMeterRegistry named = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("other", other);
            context.getRegistry().bind("meterRegistry", named);
            context.addComponent("dune", new DuneComponent());
            context.start();
            assertThat(named.find("dune.executions.waiting").gauge()).isNotNull();
            assertThat(other.find("dune.executions.waiting").gauge()).isNull();
        }
    }
}

package io.github.cameldune.dune.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.DuneComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** {@code camel.component.dune.enabled=false}: the properties are not applied to the component. */
@SpringBootTest(
        classes = StarterApp.class,
        properties = {"camel.component.dune.enabled=false", "camel.component.dune.api-key=never-applied"})
@Timeout(120)
class DisabledTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ApplicationContext spring;

    @Test
    void nothingIsAppliedWhenTheStarterIsOff() {
        assertThat(spring.getBeanNamesForType(DuneComponentAutoConfiguration.class))
                .isEmpty();
        DuneComponent dune = camel.getComponent("dune", DuneComponent.class);
        assertThat(dune.getConfiguration().getApiKey()).isNull();
        assertThat(dune.getCreditBudget()).isZero();
    }
}

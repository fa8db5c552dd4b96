package io.github.cameldune.dune.springboot;

import io.github.cameldune.dune.DuneComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Configures the {@code dune} component from {@code camel.component.dune.*}, as Camel's own starters do: when Camel
 * creates the component, every option set in {@code application.yml} or {@code .properties} (in kebab-case or
 * camelCase) is copied onto it. {@code camel.component.dune.enabled=false} turns it off.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, DuneComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, DuneComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.dune"})
public class DuneComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final DuneComponentConfiguration configuration;

    /** The auto-configuration of the bound options. */
    public DuneComponentAutoConfiguration(
            ApplicationContext applicationContext, DuneComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    /** Copies the bound options onto each {@link DuneComponent} Camel creates. */
    @Lazy
    @Bean
    public ComponentCustomizer configureDuneComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext, "camel.component.customizer", "camel.component.dune.customizer")
                        && target instanceof DuneComponent;
            }
        };
    }
}

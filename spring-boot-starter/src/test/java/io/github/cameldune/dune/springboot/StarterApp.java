package io.github.cameldune.dune.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The application of the starter's tests: auto-configuration, and two beans of the user's. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StarterApp {

    /** The user's registry, which the component binds its meters to. */
    @Bean
    public MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    /** The user's TLS settings, named in camel.component.dune.ssl-context-parameters. */
    @Bean
    public org.apache.camel.support.jsse.SSLContextParameters duneSsl() {
        return new org.apache.camel.support.jsse.SSLContextParameters();
    }

    /** The user's repository, named in camel.component.dune.idempotent-repository. */
    @Bean
    public IdempotentRepository seenResults() {
        return MemoryIdempotentRepository.memoryIdempotentRepository();
    }
}

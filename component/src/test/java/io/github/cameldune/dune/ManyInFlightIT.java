package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.DuneEmulatorProcessExtension;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 20,000 executes from a seda route with 50 consumers and the default options, in a JVM of 256 MB (failsafe): every
 * exchange ends, none is lost, none executes twice. Each request waiting for one of the 200 connections holds no
 * buffer until its answer arrives. The emulator runs as its own process, so the heap is the component's alone.
 */
@Timeout(600)
class ManyInFlightIT extends CamelTestSupport {

    private static final int MESSAGES = 20_000;
    private static final String KEY = "many-in-flight-key";

    @RegisterExtension
    static final DuneEmulatorProcessExtension DUNE =
            new DuneEmulatorProcessExtension(List.of("-Xmx2g"), "--api-key", KEY, "--max-concurrent", "50");

    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("dune", DuneTestSupport.component(DUNE.process().baseUrl(), KEY));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failed.incrementAndGet());
                from("seda:requests?concurrentConsumers=50&size=" + MESSAGES)
                        .to("dune:execute?queryId=" + SampleQuery.PARAMETER_ECHO)
                        .process(e -> ok.incrementAndGet());
            }
        };
    }

    @Test
    void twentyThousandExecutesAllEndNoneTwice() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            template.sendBody("seda:requests", "{\"text_field\": \"m" + i + "\"}");
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> ok.get() + failed.get() >= MESSAGES);
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        long created = DUNE.process().stats().get("executionsCreated").asLong();
        System.out.printf(
                "many in flight: %d ok, %d failed, %d executions created, %d s, heap max %d MB%n",
                ok.get(), failed.get(), created, seconds, Runtime.getRuntime().maxMemory() >> 20);
        assertThat(ok.get() + failed.get()).as("every exchange ended").isEqualTo(MESSAGES);
        assertThat(failed.get()).isZero();
        assertThat(created).as("none executed twice").isEqualTo(MESSAGES);
    }
}

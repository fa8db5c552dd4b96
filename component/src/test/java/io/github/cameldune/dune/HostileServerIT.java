package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneAnswerTooLargeException;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneConnectionException;
import io.github.cameldune.emulator.SampleQuery;
import java.lang.management.ManagementFactory;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Against each hostile server mode, in a JVM of 256 MB (failsafe): the exchange ends with a typed exception within its
 * deadline, the heap stays bounded, and the next exchange on the same component succeeds.
 */
@Timeout(600)
class HostileServerIT extends DuneTestSupport {

    @ParameterizedTest
    @EnumSource(HostileServer.Mode.class)
    void everyExchangeEndsTypedAndTheComponentServesTheNext(HostileServer.Mode mode) throws Exception {
        try (HostileServer server = new HostileServer(mode)) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:hostile-" + mode)
                            .to("dune:status?maxRetries=0&responseTimeout=2s&baseUrl=" + server.baseUrl());
                    from("direct:fine-" + mode).to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME);
                }
            });
            long start = System.nanoTime();
            Exchange done = template.request(
                    "direct:hostile-" + mode, e -> e.getMessage().setBody("01HKZJ2683PHF9Q9PHHQ8FW4Q1"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    "hostile %s: %s after %d ms, heap used %d MB%n",
                    mode,
                    done.getException() == null
                            ? "no failure"
                            : done.getException().getClass().getSimpleName(),
                    millis,
                    heap >> 20);
            assertThat(done.getException()).as(mode.name()).isInstanceOf(DuneApiException.class);
            switch (mode) {
                case ENDLESS_BODY ->
                    assertThat(done.getException())
                            .isInstanceOf(DuneAnswerTooLargeException.class)
                            .hasMessageContaining("maxAnswerSize (67108864 bytes)");
                case TRICKLE, SILENT -> assertThat(done.getException()).isInstanceOf(DuneConnectionException.class);
                case GZIP_BOMB -> assertThat(done.getException()).hasMessageContaining("unreadable answer");
            }
            assertThat(millis).as("within the 2 s deadline and a grace").isLessThan(6_000);
            assertThat(template.request("direct:fine-" + mode, e -> {}).getException())
                    .as("the component still serves the next request")
                    .isNull();
        }
    }
}

package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.emulator.DuneEmulatorProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dune killed (SIGKILL) while 50 runs wait on it, and back on the same address without them: every exchange ends with a
 * typed exception that names its execution, none waits on.
 */
@Timeout(600)
class EmulatorRestartIT extends CamelTestSupport {

    private static final String KEY = "restart-key";
    private static final int RUNS = 50;

    @TempDir
    static Path queries;

    private static int port;
    private static DuneEmulatorProcess dune;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Files.writeString(queries.resolve("slow.sql"), "-- id: 4343\n-- min_duration: 60s\nSELECT 1 AS one");
        dune = start();
        CamelContext context = super.createCamelContext();
        context.addComponent("dune", DuneTestSupport.component(dune.baseUrl(), KEY));
        return context;
    }

    private static DuneEmulatorProcess start() throws Exception {
        return DuneEmulatorProcess.start(
                List.of("-Xmx512m"),
                "--api-key",
                KEY,
                "--port",
                String.valueOf(port),
                "--max-concurrent",
                "100",
                "--queries",
                queries.toString());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=4343&pollInitialDelay=200ms&pollInterval=200ms"
                                + "&maxPollInterval=1s&waitTimeout=2m");
            }
        };
    }

    @Test
    void everyWaitEndsTypedWhenDuneComesBackWithoutItsExecutions() throws Exception {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            sent.add(template.asyncSend("direct:run", new DefaultExchange(context)));
        }
        // the runs wait on their executions, then Dune is down for a while, as a crash and a restart take
        await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> dune.stats().get("executionsCreated").asLong() >= RUNS);
        dune.kill();
        // about time: Dune stays down for 1.5 s, several polls of every waiting run
        Thread.sleep(1500);
        dune = start();
        long start = System.nanoTime();
        try {
            for (CompletableFuture<Exchange> f : sent) {
                Exchange done = f.get(30, TimeUnit.SECONDS);
                assertThat(done.getException()).isInstanceOf(DuneException.class);
                assertThat(((DuneException) done.getException()).getExecutionId())
                        .isNotNull();
                assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID))
                        .isNotNull();
            }
            System.out.printf(
                    "restart: %d runs ended typed %d ms after Dune came back, e.g. %s%n",
                    RUNS,
                    (System.nanoTime() - start) / 1_000_000,
                    sent.get(0).get().getException().getMessage());
        } finally {
            dune.close();
        }
    }
}

package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorProcessExtension;
import io.github.cameldune.emulator.SampleQuery;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A result of 1,000,000 rows of 8 columns flows through {@code stream} and through {@code resultsCsv} to a file, in a
 * JVM limited to 256 MB of heap (failsafe runs this class with -Xmx256m). The emulator runs as its own process, so the
 * bound is the component's alone.
 */
@Timeout(600)
class LargeResultIT extends CamelTestSupport {

    private static final int ROWS = 1_000_000;
    private static final String KEY = "large-result-key";
    private static final Path OUT = Path.of("target", "large-result");

    @RegisterExtension
    static final DuneEmulatorProcessExtension DUNE =
            new DuneEmulatorProcessExtension(List.of("-Xmx1g"), "--api-key", KEY);

    private final AtomicLong streamed = new AtomicLong();
    private final AtomicReference<Map<String, Object>> lastRow = new AtomicReference<>();

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
                from("direct:stream")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&outputType=stream&pollInitialDelay=100ms&" + "pollInterval=100ms")
                        .split(body())
                        .streaming()
                        .process(e -> {
                            streamed.incrementAndGet();
                            @SuppressWarnings("unchecked")
                            Map<String, Object> row = e.getMessage().getBody(Map.class);
                            lastRow.set(row);
                        });
                from("direct:csv").to("dune:resultsCsv").to("file:" + OUT + "?fileName=result.csv");
            }
        };
    }

    @Test
    void aMillionRowsStreamInBoundedMemory() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory())
                .as("run with -Xmx256m")
                .isLessThanOrEqualTo(Long.getLong("large.maxHeap", 300L << 20));
        long start = System.nanoTime();
        Exchange run = template.request("direct:stream", e -> e.getMessage().setBody(Map.of("row_count", ROWS)));
        assertThat(run.getException()).isNull();
        long streamMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(streamed.get()).isEqualTo(ROWS);
        assertThat(lastRow.get()).containsEntry("number", ROWS - 1).containsEntry("label", "row-" + (ROWS - 1));

        String executionId = run.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
        start = System.nanoTime();
        Exchange csv =
                template.request("direct:csv", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, executionId));
        assertThat(csv.getException()).isNull();
        long csvMillis = (System.nanoTime() - start) / 1_000_000;
        long lines = 0;
        String last = null;
        try (BufferedReader reader = Files.newBufferedReader(OUT.resolve("result.csv"), StandardCharsets.UTF_8)) {
            assertThat(reader.readLine()).isEqualTo("number,label,amount,even,ts,bucket,hex,category");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                last = line;
            }
        }
        assertThat(lines).isEqualTo(ROWS);
        assertThat(last).startsWith((ROWS - 1) + ",row-" + (ROWS - 1) + ",");
        System.out.printf(
                "1,000,000 rows with -Xmx%d MB: stream %d ms, CSV to file %d ms, peak heap %d MB%n",
                Runtime.getRuntime().maxMemory() >> 20, streamMillis, csvMillis, peakHeapMegabytes());
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}

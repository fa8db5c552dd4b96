package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.model.TableInsert;
import io.github.cameldune.emulator.DuneEmulatorProcessExtension;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Large bodies into Dune in a JVM of 256 MB of heap (failsafe runs this class with -Xmx256m), the emulator in a JVM of
 * its own: 1,000,000 rows as a lazy iterator of maps, and a CSV file of about 100 MB, each cut into several inserts on
 * row boundaries; the rows written add up, and a query over the table gives the right aggregate.
 */
@Timeout(600)
class LargeUploadIT extends CamelTestSupport {

    private static final String KEY = "large-upload-key";
    private static final int ROWS = 1_000_000;

    @RegisterExtension
    static final DuneEmulatorProcessExtension DUNE =
            new DuneEmulatorProcessExtension(List.of("-Xmx3g"), "--api-key", KEY, "--storage-limit", "1GB");

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
                String table = "namespace=emulator&tableName=numbers";
                from("direct:create").to("dune:createTable?" + table + "&schema=n:bigint!,label:varchar,amount:double");
                from("direct:insert").to("dune:insert?" + table + "&maxInsertBytes=16777216&responseTimeout=5m");
                from("direct:aggregate")
                        .to("dune:run?sql=SELECT count(*) AS n, sum(n) AS total FROM dune.emulator.numbers"
                                + "&pollInitialDelay=100ms&pollInterval=100ms");
                from("direct:clear").to("dune:clearTable?" + table);
            }
        };
    }

    @Test
    void aMillionRowsAndAHundredMegabyteCsvGoInBoundedMemory() throws Exception {
        template.requestBody("direct:create", (Object) null);
        Iterator<Map<String, Object>> rows = IntStream.range(0, ROWS)
                .mapToObj(n -> Map.<String, Object>of("n", (long) n, "label", "row-" + n, "amount", n * 1.5))
                .iterator();
        TableInsert written = template.requestBody("direct:insert", rows, TableInsert.class);
        assertThat(written.rowsWritten()).isEqualTo(ROWS);
        assertThat(inserts()).as("several inserts").isGreaterThan(1);
        assertAggregate(ROWS);

        template.requestBody("direct:clear", (Object) null);
        Path csv = Files.createDirectories(Path.of("target", "large-upload")).resolve("numbers.csv");
        long csvRows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("n,label,amount\n");
            String padding = "x".repeat(60);
            while (Files.size(csv) < 100_000_000L || csvRows % 100_000 != 0) {
                out.write(csvRows + ",\"row " + csvRows + " " + padding + "\"," + (csvRows * 1.5) + "\n");
                csvRows++;
                if (csvRows % 100_000 == 0) {
                    out.flush();
                }
            }
        }
        assertThat(Files.size(csv)).isGreaterThanOrEqualTo(100_000_000L);
        TableInsert fromFile = template.requestBody("direct:insert", csv.toFile(), TableInsert.class);
        assertThat(fromFile.rowsWritten()).isEqualTo(csvRows);
        assertThat(fromFile.bytesWritten())
                .as("split: each part repeats the header")
                .isGreaterThan(Files.size(csv));
        assertAggregate(csvRows);
    }

    /** The inserts the emulator received. */
    private static long inserts() throws Exception {
        return DUNE.process().stats().path("requests").path("upload_insert").asLong();
    }

    private void assertAggregate(long rows) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> result = template.requestBody("direct:aggregate", null, List.class);
        // a sum of bigints is a 128-bit integer, which comes as text
        assertThat(new java.math.BigDecimal(String.valueOf(result.get(0).get("n"))).longValueExact())
                .isEqualTo(rows);
        assertThat(new java.math.BigDecimal(String.valueOf(result.get(0).get("total"))).longValueExact())
                .isEqualTo(rows * (rows - 1) / 2);
    }
}

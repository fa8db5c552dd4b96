package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneNotFoundException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.dune.model.CsvUploaded;
import io.github.cameldune.dune.model.TableCreated;
import io.github.cameldune.dune.model.TableInsert;
import io.github.cameldune.dune.model.UploadedTables;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Data into Dune: a table created, filled from CSV text and from rows as maps, queried with SQL, cleared and dropped,
 * against the emulator; a row that does not fit fails typed, naming row and column, and writes nothing; an insert
 * whose answer is lost is not sent again; a CSV upload makes, then replaces, its dataset_ table.
 */
@Timeout(120)
class UploadsTest extends DuneTestSupport {

    private static final String TABLE = "namespace=emulator&tableName=orders";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create")
                        .to("dune:createTable?" + TABLE + "&schema=id:integer!,wallet:varbinary,amount:double"
                                + "&tableDescription=orders");
                from("direct:insert").to("dune:insert?" + TABLE);
                from("direct:insert-small").to("dune:insert?" + TABLE + "&maxInsertBytes=1024");
                from("direct:sum")
                        .to("dune:run?sql=SELECT count(*) AS n, sum(amount) AS total FROM dune.emulator.orders"
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
                from("direct:clear").to("dune:clearTable?" + TABLE);
                from("direct:delete").to("dune:deleteTable?" + TABLE);
                from("direct:list").to("dune:listTables");
                from("direct:upload-csv").to("dune:uploadCsv?tableName=prices&tableDescription=daily");
                from("direct:upload-csv-small").to("dune:uploadCsv?tableName=prices&maxInsertBytes=1024");
                from("direct:prices")
                        .to("dune:run?sql=SELECT count(*) AS n, sum(volume) AS v FROM dune.emulator.dataset_prices"
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    @Test
    void aTableRoundTrip() {
        TableCreated created = template.requestBody("direct:create", null, TableCreated.class);
        assertThat(created.fullName()).isEqualTo("dune.emulator.orders");

        Exchange csv =
                template.request("direct:insert", e -> e.getMessage().setBody("id,wallet,amount\n1,0x01,10\n2,,2.5\n"));
        assertThat(csv.getException()).isNull();
        assertThat(csv.getMessage().getHeader(DuneConstants.ROWS_WRITTEN)).isEqualTo(2L);
        Exchange rows = template.request(
                "direct:insert",
                e -> e.getMessage()
                        .setBody(List.of(
                                Map.of("id", 3, "wallet", "0x03", "amount", 7.5),
                                Map.of("id", 4, "wallet", "0x04", "amount", 1))));
        assertThat(rows.getMessage().getBody(TableInsert.class).rowsWritten()).isEqualTo(2);
        // 3 credits a GB, at least 1 a write: the table created and the two inserts
        assertThat(context.getComponent("dune", DuneComponent.class)
                        .metrics()
                        .total("dune.credits", Map.of("kind", "write")))
                .isEqualTo(3.0);
        assertThat(((Number) sum().get("n")).longValue()).isEqualTo(4);
        assertThat(((Number) sum().get("total")).doubleValue()).isEqualTo(21.0);

        UploadedTables listed = template.requestBody("direct:list", null, UploadedTables.class);
        assertThat(listed.tables()).extracting(UploadedTables.Table::fullName).containsExactly("dune.emulator.orders");

        assertThat(template.requestBody("direct:clear", null, String.class)).contains("successfully cleared");
        assertThat(((Number) sum().get("n")).longValue()).isZero();
        assertThat(template.requestBody("direct:delete", null, String.class)).contains("successfully deleted");
        Exchange gone = template.request("direct:insert", e -> e.getMessage().setBody("id,wallet,amount\n1,0x01,1"));
        assertThat(gone.getException()).isInstanceOf(DuneNotFoundException.class);
    }

    @Test
    void aRowThatDoesNotFitFailsTypedNamingRowAndColumnAndWritesNothing() {
        template.requestBody("direct:create", (Object) null);
        Exchange refused = template.request(
                "direct:insert", e -> e.getMessage().setBody("id,wallet,amount\n1,0x01,10\n2,0x02,lots\n"));
        assertThat(refused.getException())
                .isExactlyInstanceOf(DuneApiException.class)
                .hasFieldOrPropertyWithValue("httpResponseCode", 400)
                .hasMessageContaining("Row 2, column amount");
        assertThat(((Number) sum().get("n")).longValue()).isZero();
    }

    @Test
    void anInsertWhoseAnswerIsLostIsNotSentAgain() {
        template.requestBody("direct:create", (Object) null);
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.UPLOAD_INSERT)
                        .times(1));
        emulator().clearRequests();
        Exchange lost = template.request("direct:insert", e -> e.getMessage().setBody("id,wallet,amount\n1,0x01,10"));
        assertThat(lost.getException()).isInstanceOf(DuneServerException.class);
        assertThat(requests()).hasSize(1);
        assertThat(((Number) sum().get("n")).longValue())
                .as("Dune wrote it, once")
                .isEqualTo(1);
    }

    @Test
    void aBodyLargerThanMaxInsertBytesGoesInSeveralInsertsEachAllOrNothing() {
        template.requestBody("direct:create", (Object) null);
        StringBuilder csv = new StringBuilder("id,wallet,amount\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i).append(",0x0").append(i % 10).append(',').append(i).append('\n');
        }
        emulator().clearRequests();
        TableInsert written = template.requestBody("direct:insert-small", csv.toString(), TableInsert.class);
        assertThat(written.rowsWritten()).isEqualTo(200);
        assertThat(requests()).as("cut into parts of at most 1 KB").hasSizeGreaterThan(2);
        assertThat(requests()).allSatisfy(r -> assertThat(r.body()).startsWith("id,wallet,amount\n"));

        // a bad row in a later part: the parts before it stay written, and the message says how many rows
        csv.append("200,0x01,lots\n");
        Exchange failed =
                template.request("direct:insert-small", e -> e.getMessage().setBody(csv.toString()));
        assertThat(failed.getException())
                .isExactlyInstanceOf(DuneApiException.class)
                .hasFieldOrPropertyWithValue("httpResponseCode", 400);
        long before = failed.getMessage().getHeader(DuneConstants.ROWS_WRITTEN, Long.class);
        assertThat(before).isPositive().isLessThan(201);
        assertThat(((Number) sum().get("n")).longValue()).isEqualTo(200 + before);
    }

    @Test
    void aCsvUploadMakesThenReplacesADatasetTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("prices.csv");
        java.nio.file.Files.writeString(file, "day,token,volume\n2026-11-01,ETH,12\n2026-11-02,ETH,7\n");
        Exchange uploaded =
                template.request("direct:upload-csv", e -> e.getMessage().setBody(file));
        assertThat(uploaded.getException()).isNull();
        CsvUploaded made = uploaded.getMessage().getBody(CsvUploaded.class);
        assertThat(made.tableName()).isEqualTo("dataset_prices");
        assertThat(made.fullName()).isEqualTo("dune.emulator.dataset_prices");
        assertThat(uploaded.getMessage().getHeader(DuneConstants.TABLE_NAME)).isEqualTo("dataset_prices");
        assertThat(uploaded.getMessage().getHeader(DuneConstants.BYTES_WRITTEN))
                .isEqualTo(java.nio.file.Files.size(file));
        assertThat(prices().get("v")).hasToString("19");

        // a CSV upload replaces the table: it never appends
        template.requestBody("direct:upload-csv", "day,token,volume\n2026-11-03,BTC,5\n");
        assertThat(((Number) prices().get("n")).longValue()).isEqualTo(1);
        assertThat(context.getComponent("dune", DuneComponent.class)
                        .metrics()
                        .total("dune.credits", Map.of("kind", "write")))
                .isEqualTo(2.0);
    }

    @Test
    void aCsvLargerThanMaxInsertBytesIsRefusedBeforeAndALostAnswerIsNotSentAgain() {
        emulator().clearRequests();
        Exchange large = template.request(
                "direct:upload-csv-small", e -> e.getMessage().setBody("day,volume\n" + "2026-11-01,1\n".repeat(100)));
        assertThat(large.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("maxInsertBytes (1024)");
        assertThat(requests()).isEmpty();

        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.UPLOAD_CSV)
                        .times(1));
        Exchange lost =
                template.request("direct:upload-csv", e -> e.getMessage().setBody("day,volume\n2026-11-01,1\n"));
        assertThat(lost.getException()).isInstanceOf(DuneServerException.class);
        assertThat(requests()).hasSize(1);
        assertThat(((Number) prices().get("n")).longValue())
                .as("Dune made it, once")
                .isEqualTo(1);
    }

    @Test
    void badTableOptionsFailTheStart() {
        assertThatThrownBy(() -> context.getEndpoint("dune:uploadCsv?tableName=Prices"))
                .hasStackTraceContaining("Invalid tableName 'Prices'");
        assertThatThrownBy(() -> context.getEndpoint("dune:createTable?tableName=t&schema=id:float"))
                .hasStackTraceContaining("Invalid schema column 'id:float'");
        assertThatThrownBy(() -> context.getEndpoint("dune:insert?tableName=t&uploadFormat=xml"))
                .hasStackTraceContaining("Invalid uploadFormat 'xml'");
    }

    private Map<String, Object> prices() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> result = template.requestBody("direct:prices", null, List.class);
        return result.get(0);
    }

    private Map<String, Object> sum() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> result = template.requestBody("direct:sum", null, List.class);
        return result.get(0);
    }
}

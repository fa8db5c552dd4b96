package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The uploads API on DuckDB, on the wire as Dune answers it (dune-api-writes.md §2 and §6): create, all-or-nothing
 * inserts of CSV and NDJSON checked against the schema, tables queryable as {@code dune.<namespace>.<table>}, clear,
 * delete, list, the account's namespace only, and the deprecated {@code /v1/table} paths.
 */
@Timeout(120)
class UploadsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static final String SCHEMA = "{\"namespace\":\"emulator\",\"table_name\":\"orders\",\"schema\":["
            + "{\"name\":\"id\",\"type\":\"integer\",\"nullable\":false},{\"name\":\"wallet\",\"type\":\"varbinary\"},"
            + "{\"name\":\"amount\",\"type\":\"double\"},{\"name\":\"at\",\"type\":\"timestamp\"}]}";

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void aRoundTripCreateInsertQueryClearDelete() {
        ApiClient.Response created = api.post("/v1/uploads", SCHEMA);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("full_name").asText()).isEqualTo("dune.emulator.orders");
        assertThat(created.json().get("example_query").asText())
                .isEqualTo("select * from dune.emulator.orders limit 10");
        assertThat(api.post("/v1/uploads", SCHEMA).json().get("already_existed").asBoolean())
                .isTrue();

        String csv =
                "id,wallet,amount,at\n1,0x92b7d103,10,2020-12-01T23:33:00\n2,\"SGVsbG8=\",2.5,2020-12-02T00:00:00Z";
        ApiClient.Response csvInsert = api.send("POST", "/v1/uploads/emulator/orders/insert", "text/csv", csv);
        assertThat(csvInsert.status()).as(csvInsert.body()).isEqualTo(200);
        assertThat(csvInsert.json().get("rows_written").asLong()).isEqualTo(2);
        assertThat(csvInsert.json().get("bytes_written").asLong()).isEqualTo(csv.length());
        assertThat(csvInsert.json().get("name").asText()).isEqualTo("dune.emulator.orders");
        String ndjson = "{\"id\":3,\"wallet\":null,\"amount\":7,\"at\":\"2020-12-03T00:00:00\"}\n";
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "application/x-ndjson; charset=utf-8", ndjson)
                        .json()
                        .get("rows_written")
                        .asLong())
                .isEqualTo(1);

        // a write costs 3 credits per GB, at least 1: the table created (once) and two inserts
        assertThat(api.post("/v1/usage", "{}")
                        .json()
                        .at("/billing_periods/0/credits_used")
                        .asDouble())
                .isEqualTo(3.0);
        JsonNode sum = api.sqlRows("SELECT count(*) AS n, sum(amount) AS total FROM dune.emulator.orders");
        assertThat(sum.get(0).get("n").asLong()).isEqualTo(3);
        assertThat(sum.get(0).get("total").asDouble()).isEqualTo(19.5);

        ApiClient.Response listed = api.get("/v1/uploads");
        JsonNode table = listed.json().get("tables").get(0);
        assertThat(table.get("full_name").asText()).isEqualTo("dune.emulator.orders");
        assertThat(table.get("table_size_bytes").isTextual()).isTrue();
        assertThat(table.get("owner").get("handle").asText()).isEqualTo("emulator");
        assertThat(table.get("columns").get(0).get("nullable").asBoolean()).isFalse();
        assertThat(listed.json().has("next_offset")).isFalse();

        ApiClient.Response cleared = api.post("/v1/uploads/emulator/orders/clear", null);
        assertThat(cleared.json().get("message").asText()).isEqualTo("Table dune.emulator.orders successfully cleared");
        assertThat(api.sqlRows("SELECT count(*) AS n FROM dune.emulator.orders")
                        .get(0)
                        .get("n")
                        .asLong())
                .isZero();

        ApiClient.Response deleted = api.send("DELETE", "/v1/uploads/emulator/orders", null, null);
        assertThat(deleted.json().get("message").asText()).isEqualTo("Table emulator.orders successfully deleted");
        assertThat(api.send("DELETE", "/v1/uploads/emulator/orders", null, null).status())
                .isEqualTo(404);
        ApiClient.Response gone = api.send("POST", "/v1/uploads/emulator/orders/insert", "text/csv", csv);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).isEqualTo("This table was not found");
    }

    @Test
    void anInsertThatDoesNotFitTheSchemaNamesRowAndColumnAndWritesNothing() {
        api.post("/v1/uploads", SCHEMA);
        String csv = "id,wallet,amount,at\n1,0x01,1,2020-12-01T00:00:00\n2,0x02,lots,2020-12-01T00:00:00";
        ApiClient.Response refused = api.send("POST", "/v1/uploads/emulator/orders/insert", "text/csv", csv);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText())
                .isEqualTo("Row 2, column amount: 'lots' is not a double value");
        assertThat(api.sqlRows("SELECT count(*) AS n FROM dune.emulator.orders")
                        .get(0)
                        .get("n")
                        .asLong())
                .isZero();

        String nullId = "{\"id\":null,\"wallet\":null,\"amount\":1,\"at\":\"2020-12-01T00:00:00\"}";
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "application/x-ndjson", nullId)
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("Row 1, column id: 'null' is not a value (the column is not nullable)");
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "application/json", "{}")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("Invalid content type 'application/json'");
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "text/csv", "id,amount\n1,2")
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("Column wallet is missing");
    }

    @Test
    void namesAndSchemasAreCheckedAndATableOfAnotherSchemaConflicts() {
        assertThat(api.post("/v1/uploads", SCHEMA.replace("orders", "Orders")).status())
                .isEqualTo(400);
        assertThat(api.post("/v1/uploads", SCHEMA.replace("\"amount\"", "\"COLNAME\""))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/uploads", SCHEMA.replace("double", "float")).status())
                .isEqualTo(400);
        assertThat(api.post("/v1/uploads", "{\"namespace\":\"emulator\",\"table_name\":\"t\",\"schema\":[]}")
                        .status())
                .isEqualTo(400);
        api.post("/v1/uploads", SCHEMA);
        ApiClient.Response conflict = api.post("/v1/uploads", SCHEMA.replace("double", "bigint"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asText()).isEqualTo("This table already exists");
    }

    @Test
    void onlyTheAccountsNamespaceMayBeWritten() {
        DUNE.emulator().settings().handle("my_team");
        ApiClient.Response foreign = api.post("/v1/uploads", SCHEMA);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.json().get("error").asText())
                .isEqualTo("You are not authorized to create a table under the 'emulator' namespace");
        assertThat(api.post("/v1/uploads", SCHEMA.replace("\"emulator\"", "\"my_team\""))
                        .status())
                .isEqualTo(201);
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "text/csv", "id\n1")
                        .status())
                .isEqualTo(401);
        assertThat(api.admin("GET", "/emulator/stats", null)
                        .json()
                        .get("handle")
                        .asText())
                .isEqualTo("my_team");
    }

    @Test
    void theDeprecatedTablePathsAnswerTheSame() {
        assertThat(api.post("/v1/table/create", SCHEMA).status()).isEqualTo(201);
        assertThat(api.send(
                                "POST",
                                "/v1/table/emulator/orders/insert",
                                "application/x-ndjson",
                                "{\"id\":1,\"wallet\":\"0x00\",\"amount\":1.5,\"at\":\"2020-12-01T00:00:00\"}")
                        .json()
                        .get("rows_written")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/v1/tables").json().get("tables")).hasSize(1);
        assertThat(api.post("/v1/table/emulator/orders/clear", "{}").status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/table/emulator/orders", "application/json", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCsvUploadMakesOrReplacesADatasetTableWithInferredTypes() {
        String csv = "day,token,price,volume\n2026-11-01,ETH,3100.5,12\n2026-11-02,ETH,3200.25,7\n";
        ApiClient.Response uploaded = api.post(
                "/v1/uploads/csv",
                "{\"table_name\":\"prices\",\"data\":" + quoted(csv) + ",\"description\":\"daily\"}");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().get("success").asBoolean()).isTrue();
        assertThat(uploaded.json().get("table_name").asText()).isEqualTo("dataset_prices");
        assertThat(uploaded.json().get("full_name").asText()).isEqualTo("dune.emulator.dataset_prices");
        assertThat(api.sqlRows("SELECT sum(volume) AS v FROM dune.emulator.dataset_prices")
                        .get(0)
                        .get("v")
                        .asLong())
                .isEqualTo(19);
        JsonNode columns = api.get("/v1/uploads").json().at("/tables/0/columns");
        assertThat(columns.findValuesAsText("type")).containsExactly("date", "varchar", "double", "bigint");

        // the same name again replaces the table: a CSV upload never appends; the deprecated path answers the same
        double before = credits();
        ApiClient.Response replaced = api.post(
                "/v1/table/upload/csv",
                "{\"table_name\":\"prices\",\"data\":" + quoted("day,token\n2026-11-03,BTC\n") + "}");
        assertThat(replaced.json().get("table_name").asText()).isEqualTo("dataset_prices");
        // an upload is a write: 3 credits per GB, at least 1
        assertThat(credits() - before).isEqualTo(1.0);
        assertThat(api.sqlRows("SELECT count(*) AS n, min(token) AS t FROM dune.emulator.dataset_prices")
                        .get(0)
                        .get("t")
                        .asText())
                .isEqualTo("BTC");
        assertThat(api.get("/v1/uploads").json().get("tables")).hasSize(1);
    }

    private double credits() {
        return api.post("/v1/usage", "{}")
                .json()
                .at("/billing_periods/0/credits_used")
                .asDouble();
    }

    @Test
    void aCsvDuneCannotTakeIsRefusedUnderMessageAsDuneDoes() {
        for (String csv : new String[] {"1st,token\n1,ETH\n", "Price\n1\n", ""}) {
            ApiClient.Response refused =
                    api.post("/v1/uploads/csv", "{\"table_name\":\"prices\",\"data\":" + quoted(csv) + "}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("message").asText()).startsWith("Core request validation failed");
            assertThat(refused.json().has("error")).isFalse();
        }
        assertThat(api.get("/v1/uploads").json().get("tables")).isEmpty();
    }

    @Test
    void storagePastThePlansCapIs402AndABodyPastTheLimit413() {
        assertThat(api.post("/v1/uploads", SCHEMA).status()).isEqualTo(201);
        DUNE.emulator().settings().storageLimit(200).bodyLimits(150, 100);
        String row = "{\"id\":1,\"wallet\":null,\"amount\":1.5,\"at\":\"2020-12-01T00:00:00\"}\n";
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "application/x-ndjson", row + row)
                        .status())
                .isEqualTo(200);
        ApiClient.Response full =
                api.send("POST", "/v1/uploads/emulator/orders/insert", "application/x-ndjson", row + row);
        assertThat(full.status()).isEqualTo(402);
        assertThat(full.json().get("error").asText()).contains("Storage limit reached");
        assertThat(api.send("POST", "/v1/uploads/emulator/orders/insert", "application/x-ndjson", row.repeat(3))
                        .status())
                .isEqualTo(413);
        assertThat(api.sqlRows("SELECT count(*) AS n FROM dune.emulator.orders")
                        .get(0)
                        .get("n")
                        .asLong())
                .isEqualTo(2);
        JsonNode usage = api.post("/v1/usage", "{}").json();
        assertThat(usage.get("bytes_allowed").asLong()).isEqualTo(200);
        assertThat(usage.get("bytes_used").asLong()).isEqualTo(2L * row.length());
    }

    private static String quoted(String text) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(text)
                .toString();
    }
}

package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.emulator.engine.Ulid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/query/{id}/execute}: the bodies clients send, the answer, and the errors. */
@Timeout(120)
class ExecuteEndpointTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private ApiClient api() {
        return new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());
    }

    @Test
    void answersWithUlidAndPendingOrExecutingState() {
        ApiClient.Response r = api().post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.size()).isEqualTo(2);
        assertThat(json.get("execution_id").asText())
                .hasSize(26)
                .startsWith("01")
                .matches(Ulid::isValid);
        assertThat(json.get("state").asText()).isIn("QUERY_STATE_PENDING", "QUERY_STATE_EXECUTING");
    }

    @Test
    void acceptsEveryBodyTheSdksSend() {
        ApiClient api = api();
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", null)
                        .status())
                .as("no body (Python)")
                .isEqualTo(200);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .as("{} (TypeScript)")
                .isEqualTo(200);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute/", "")
                        .status())
                .as("trailing slash")
                .isEqualTo(200);
        assertThat(api.post(
                                "/v1/query/" + SampleQuery.PARAMETER_ECHO + "/execute",
                                "{\"query_parameters\":{\"text_field\":\"Word\",\"number_field\":\"3.14\",\"date_field\":\"2022-05-04 00:00:00\",\"list_field\":\"Option 2\"},\"performance\":\"medium\"}")
                        .status())
                .as("full body, values as strings")
                .isEqualTo(200);
        assertThat(api.post(
                                "/v1/query/" + SampleQuery.PARAMETER_ECHO + "/execute",
                                "{\"query_parameters\":{\"number_field\":22},\"performance\":\"large\"}")
                        .status())
                .as("numbers stay numbers")
                .isEqualTo(200);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute?performance=large", "")
                        .status())
                .as("performance in query")
                .isEqualTo(200);
        for (String tier : new String[] {"free", "small"}) {
            assertThat(api.post(
                                    "/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute",
                                    "{\"performance\":\"" + tier + "\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void parametersReachTheSqlWithTheirTypes() {
        ApiClient api = api();
        String id = api.execute(
                1006,
                "{\"query_parameters\":{\"text_field\":\"it's\",\"number_field\":22,"
                        + "\"date_field\":\"1991-01-01 00:00:00\",\"list_field\":\"Option 2\"}}");
        api.awaitFinished(id);
        JsonNode row = api.get("/v1/execution/" + id + "/results").json().at("/result/rows/0");
        assertThat(row.get("text_field").asText()).isEqualTo("it's");
        assertThat(row.get("number_field").isNumber()).isTrue();
        assertThat(row.get("number_field").asInt()).isEqualTo(22);
        assertThat(row.get("date_field").asText()).isEqualTo("1991-01-01 00:00:00.000 UTC");
        assertThat(row.get("list_field").asText()).isEqualTo("Option 2");
    }

    @Test
    void unknownParametersAreRefusedWithDunesMessage() {
        ApiClient.Response r = api().post(
                        "/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute",
                        "{\"query_parameters\":{\"Invalid Parameter\":1,\"blockchain\":\"base\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"unknown parameters (Invalid Parameter)\"}");
    }

    @Test
    void badValuesAndBodiesAreRefused() {
        ApiClient api = api();
        assertThat(api.post(
                                "/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute",
                                "{\"query_parameters\":{\"blockchain\":\"solana\"}}")
                        .json()
                        .get("error")
                        .asText())
                .contains("blockchain")
                .contains("expected one of");
        assertThat(api.post(
                                "/v1/query/" + SampleQuery.TOP_TRADERS + "/execute",
                                "{\"query_parameters\":{\"top_n\":\"ten\"}}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "[1,2]")
                        .body())
                .isEqualTo("{\"error\":\"Invalid request body payload\"}");
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{not json")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{\"performance\":\"huge\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void unknownQueriesAreNotFound() {
        ApiClient api = api();
        assertThat(api.post("/v1/query/999999/execute", "{}").body()).isEqualTo("{\"error\":\"Query not found\"}");
        assertThat(api.post("/v1/query/0/execute", "{}").status()).isEqualTo(404);
        assertThat(api.post("/v1/query/abc/execute", "{}").status()).isEqualTo(400);
    }

    @Test
    void theKeyIsCheckedBeforeAnythingElse() {
        ApiClient wrongKey = new ApiClient(DUNE.emulator().baseUrl(), "wrong");
        ApiClient noKey = new ApiClient(DUNE.emulator().baseUrl(), null);
        long before = DUNE.emulator().executionsCreated();
        assertThat(wrongKey.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .body())
                .isEqualTo("{\"error\":\"invalid API Key\"}");
        assertThat(noKey.post("/v1/query/999999/execute", "[bad").status()).isEqualTo(401);
        assertThat(wrongKey.get("/v1/execution/Wonky%20Job%20ID/status").status())
                .isEqualTo(401);
        assertThat(DUNE.emulator().executionsCreated()).isEqualTo(before);
    }

    @Test
    void theKeyMayComeAsQueryParameter() {
        ApiClient noKey = new ApiClient(DUNE.emulator().baseUrl(), null);
        assertThat(noKey.post(
                                "/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute?api_key="
                                        + DUNE.emulator().apiKey(),
                                "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void everyRequestIsRecorded() {
        api().post(
                        "/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute?performance=large",
                        "{\"query_parameters\":{\"blockchain\":\"base\"}}");
        RecordedRequest r = DUNE.emulator().requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute");
        assertThat(r.queryParameter("performance")).isEqualTo("large");
        assertThat(r.header("x-dune-api-key")).isEqualTo(DUNE.emulator().apiKey());
        assertThat(r.body()).isEqualTo("{\"query_parameters\":{\"blockchain\":\"base\"}}");
    }

    @Test
    void usageAnswersInDunesShapeFromTheCreditsSpent() {
        String id = api().execute(SampleQuery.TOP_TRADERS.id(), "{\"performance\":\"large\"}");
        api().awaitFinished(id);
        com.fasterxml.jackson.databind.JsonNode usage =
                api().post("/v1/usage", "{}").json();
        assertThat(usage.has("billing_periods"))
                .as("snake_case, not the docs example's billingPeriods")
                .isTrue();
        assertThat(usage.at("/billing_periods/0/credits_used").asDouble()).isEqualTo(20.0);
        assertThat(usage.at("/billing_periods/0/credits_included").asInt()).isEqualTo(2500);
        assertThat(usage.at("/billing_periods/0/start_date").asText()).matches("\\d{4}-\\d{2}-01");
        assertThat(usage.get("bytes_allowed").asLong()).isPositive();
        assertThat(api().post("/v1/usage", "{\"start_date\":\"yesterday\"}").status())
                .isEqualTo(400);
    }

    @Test
    void pastThePlanCreditLimitExecutesGet402() {
        DUNE.emulator().settings().creditLimit(10);
        api().execute(SampleQuery.TOP_TRADERS.id(), "{}");
        ApiClient.Response refused = api().post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}");
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().get("error").asText()).startsWith("This api request would exceed your configured");
    }
}

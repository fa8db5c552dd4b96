package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.emulator.faults.Fault;
import io.github.cameldune.emulator.faults.FaultInjector;
import io.github.cameldune.emulator.faults.FaultPlan;
import io.github.cameldune.emulator.faults.RateLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults written as JSON: the --faults file, --fault, and the /emulator/faults admin endpoint share one format. */
@Timeout(120)
class FaultPlanTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void aDocumentSetsEveryKindOfFaultAndThePlanLimits() {
        FaultInjector faults = new FaultInjector();
        RateLimits limits = new RateLimits();
        FaultPlan.apply("""
                {"rateLimits": {"write": 15, "read": 40, "window": "1m"},
                 "faults": [
                   {"endpoint": "status", "status": 429, "headers": {"Retry-After": "1"}, "rate": 0.1},
                   {"endpoint": "results", "status": 502, "body": "<html>Bad gateway</html>", "contentType": "text/html"},
                   {"endpoint": "execute", "reset": true, "afterHandling": true, "times": 1},
                   {"latency": "800ms", "queryId": 1001}
                 ]}""", faults, limits);
        assertThat(limits.writeQuota()).isEqualTo(15);
        assertThat(limits.readQuota()).isEqualTo(40);
        assertThat(faults.list()).hasSize(4);
        Fault limited = faults.list().get(0);
        assertThat(limited.endpoint()).isEqualTo(ApiEndpoint.STATUS);
        assertThat(limited.httpStatus()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("Too many requests");
        assertThat(limited.headers()).containsEntry("Retry-After", "1");
        assertThat(limited.rate()).isEqualTo(0.1);
        assertThat(faults.list().get(1).rawBody()).isEqualTo("<html>Bad gateway</html>");
        assertThat(faults.list().get(1).contentType()).isEqualTo("text/html");
        assertThat(faults.list().get(2).isReset()).isTrue();
        assertThat(faults.list().get(2).isAfterHandling()).isTrue();
        assertThat(faults.list().get(2).remaining()).isEqualTo(1);
        assertThat(faults.list().get(3).isLatencyOnly()).isTrue();
        assertThat(faults.list().get(3).latency().toMillis()).isEqualTo(800);
        assertThat(faults.list().get(3).queryId()).isEqualTo(1001L);
        assertThat(faults.list().get(3).endpoint()).isNull();
    }

    @Test
    void aWrongDocumentNamesWhatIsWrongAndAddsNothing() {
        FaultInjector faults = new FaultInjector();
        RateLimits limits = new RateLimits();
        assertThatThrownBy(() -> FaultPlan.apply("[{\"status\": 503}, {\"stauts\": 500}]", faults, limits))
                .hasMessageContaining("unknown fault field 'stauts'");
        assertThatThrownBy(() -> FaultPlan.apply("{\"status\": 503, \"endpoint\": \"nowhere\"}", faults, limits))
                .hasMessageContaining("unknown endpoint 'nowhere'");
        assertThatThrownBy(() -> FaultPlan.apply("{\"rate\": 0.5}", faults, limits))
                .hasMessageContaining("exactly one of 'status', 'reset' or 'latency'");
        assertThatThrownBy(() -> FaultPlan.apply("{\"status\": 503, \"rate\": 2}", faults, limits))
                .hasMessageContaining("'rate' must be between 0 and 1");
        assertThatThrownBy(() -> FaultPlan.apply("{oops", faults, limits)).hasMessageContaining("not valid JSON");
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void theAdminEndpointAddsListsAndClearsFaultsWhileTheEmulatorRuns() {
        ApiClient.Response added = api.admin(
                "POST",
                "/emulator/faults",
                "{\"endpoint\": \"execute\", \"status\": 503, \"error\": \"Service Unavailable\", \"times\": 2}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().at("/faults/0/status").asInt()).isEqualTo(503);
        assertThat(added.json().at("/faults/0/times").asInt()).isEqualTo(2);

        ApiClient.Response refused = api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Service Unavailable\"}");
        assertThat(api.admin("GET", "/emulator/faults", null)
                        .json()
                        .at("/faults/0/times")
                        .asInt())
                .as("one use left")
                .isEqualTo(1);

        assertThat(api.admin("DELETE", "/emulator/faults", null).json().get("faults"))
                .isEmpty();
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(200);

        ApiClient.Response bad = api.admin("POST", "/emulator/faults", "{\"status\": 503, \"endpoint\": \"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).contains("unknown endpoint 'x'");
        assertThat(api.admin("GET", "/emulator/nothing", null).status()).isEqualTo(404);
    }

    @Test
    void theAdminEndpointListsTheSavedQueriesWithTheirParameters() {
        ApiClient.Response queries = api.admin("GET", "/emulator/queries", null);
        assertThat(queries.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode wallet = null;
        for (com.fasterxml.jackson.databind.JsonNode q : queries.json()) {
            if (q.get("queryId").asLong() == 1003) {
                wallet = q;
            }
        }
        assertThat(wallet).isNotNull();
        assertThat(wallet.get("name").asText()).isEqualTo("Wallet DEX trades");
        // by name
        assertThat(wallet.at("/parameters/0/name").asText()).isEqualTo("max_rows");
        assertThat(wallet.at("/parameters/0/type").asText()).isEqualTo("number");
        assertThat(wallet.at("/parameters/0/default").asText()).isEqualTo("100");
        assertThat(wallet.at("/parameters/1/name").asText()).isEqualTo("wallet");
        assertThat(wallet.at("/parameters/1/type").asText()).isEqualTo("text");
        assertThat(queries.json().size())
                .isEqualTo(DUNE.emulator().queries().all().size());
    }

    @Test
    void statsCountExecutionsCreatedAndRequestsPerEndpoint() {
        long executes = DUNE.emulator().requestCount(ApiEndpoint.EXECUTE);
        long created = DUNE.emulator().executionsCreated();
        String id = api.execute(SampleQuery.TOP_TRADERS.id(), "{}");
        api.awaitFinished(id);
        ApiClient.Response stats = api.admin("GET", "/emulator/stats", null);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("executionsCreated").asLong()).isEqualTo(created + 1);
        assertThat(stats.json().at("/requests/execute").asLong()).isEqualTo(executes + 1);
        assertThat(stats.json().at("/requests/status").asLong()).isPositive();
        assertThat(stats.json().at("/executionsByState/QUERY_STATE_COMPLETED").asInt())
                .isPositive();
        ApiClient.Response one = api.admin("GET", "/emulator/executions/" + id, null);
        assertThat(one.json().get("statusRequests").asLong())
                .as("awaitFinished polled it")
                .isPositive();
        assertThat(one.json().get("queryId").asLong()).isEqualTo(1002);
        assertThat(one.json().get("executionEndedAt").asText()).isNotEmpty();
        assertThat(api.admin("GET", "/emulator/executions/01HKZJ2683PHF9Q9PHHQ8FW4Q1", null)
                        .status())
                .isEqualTo(404);
        assertThat(stats.json().at("/requests/any").asLong())
                .isGreaterThanOrEqualTo(stats.json().at("/requests/execute").asLong()
                        + stats.json().at("/requests/status").asLong());
    }

    @Test
    void statsCountRequestsRefusedByStatusSoAWrongKeyShowsThere() {
        ApiClient wrongKey = new ApiClient(DUNE.emulator().baseUrl(), "not-the-key");
        long created = DUNE.emulator().executionsCreated();
        for (int i = 0; i < 3; i++) {
            assertThat(wrongKey.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.get("/v1/execution/01HKZJ2683PHF9Q9PHHQ8FW4Q1/status").status())
                .isEqualTo(404);
        ApiClient.Response stats = api.admin("GET", "/emulator/stats", null);
        assertThat(stats.json().at("/refused/401").asLong()).isEqualTo(3);
        assertThat(stats.json().at("/refused/404").asLong()).isEqualTo(1);
        assertThat(DUNE.emulator().refusedCount(401)).isEqualTo(3);
        assertThat(stats.json().get("executionsCreated").asLong())
                .as("a wrong key bills nothing")
                .isEqualTo(created);
    }
}

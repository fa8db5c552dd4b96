package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The documented cost formula: a tier's base price plus its price per second run, for completed, failed and cancelled
 * executions alike; status reports it, usage sums it with the exports, and the command line sets prices and the limit.
 */
@Timeout(120)
class CreditsTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void anExecutionCostsItsTiersBasePlusItsPricePerSecondRun() {
        DUNE.emulator().settings().executionCredits(10, 20, 3, 7);
        DUNE.emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMillis(1_200));
        String medium = api.execute(SampleQuery.TOP_TRADERS.id(), "{}");
        String large = api.execute(SampleQuery.TOP_TRADERS.id(), "{\"performance\":\"large\"}");
        // two seconds begun: 10 + 2 x 3 and 20 + 2 x 7
        assertThat(cost(api.awaitFinished(medium))).isEqualTo(16);
        assertThat(cost(api.awaitFinished(large))).isEqualTo(34);
        assertThat(usedCredits()).isEqualTo(50.0);
    }

    @Test
    void failedAndCancelledExecutionsCostToo() {
        String failed = api.post("/v1/sql/execute", "{\"sql\":\"SELECT * FROM no_such_table\"}")
                .json()
                .get("execution_id")
                .asText();
        JsonNode status = api.awaitFinished(failed);
        assertThat(status.get("state").asText()).isEqualTo("QUERY_STATE_FAILED");
        assertThat(cost(status)).isEqualTo(10);

        DUNE.emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMinutes(5));
        String cancelled = api.execute(SampleQuery.TOP_TRADERS.id(), "{}");
        assertThat(api.post("/v1/execution/" + cancelled + "/cancel", "").status())
                .isEqualTo(200);
        JsonNode after = api.awaitFinished(cancelled);
        assertThat(after.get("state").asText()).isEqualTo("QUERY_STATE_CANCELLED");
        assertThat(cost(after)).isEqualTo(10);
        assertThat(usedCredits()).isEqualTo(20.0);
    }

    @Test
    void theCommandLineSetsThePricesAndThePlansLimit() throws Exception {
        try (DuneEmulator dune = DuneEmulatorMain.start(new String[] {
            "--port", "0", "--credit-limit", "12", "--execution-credits", "medium=6,large-per-second=2"
        })) {
            ApiClient cli = new ApiClient(dune.baseUrl(), dune.apiKey());
            assertThat(cost(cli.awaitFinished(cli.execute(SampleQuery.TOP_TRADERS.id(), "{}"))))
                    .isEqualTo(6);
            assertThat(cost(cli.awaitFinished(cli.execute(SampleQuery.TOP_TRADERS.id(), "{}"))))
                    .isEqualTo(6);
            ApiClient.Response refused = cli.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}");
            assertThat(refused.status()).isEqualTo(402);
        }
        assertThatThrownBy(() -> DuneEmulatorMain.executionCredits("small=3"))
                .hasMessageContaining("--execution-credits takes medium=N,large=N,medium-per-second=N,");
    }

    private static int cost(JsonNode status) {
        return status.get("execution_cost_credits").asInt();
    }

    private double usedCredits() {
        return api.post("/v1/usage", "{}")
                .json()
                .at("/billing_periods/0/credits_used")
                .asDouble();
    }
}

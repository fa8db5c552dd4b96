package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.engine.QueryCatalog;
import io.github.cameldune.emulator.faults.Fault;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Nothing one test changes in the emulator reaches the next: the extension resets it before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class ResetTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension(b -> b.maxPageSize(50));

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    @Order(1)
    void aTestChangesEverything() {
        DuneEmulator dune = DUNE.emulator();
        dune.settings().maxConcurrent(1).maxPageSize(5).retention(Duration.ofMillis(1));
        dune.setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofMinutes(5));
        dune.queries().add(QueryCatalog.parse("-- id: 4242\nSELECT 1 AS one", "added"));
        dune.faults().add(Fault.status(503, "busy").on(ApiEndpoint.STATUS));
        dune.rateLimits().freePlan();
        assertThat(api.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(dune.executionsCreated()).isEqualTo(1);
        assertThat(dune.requestCount()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void theNextFindsItAsConfigured() {
        DuneEmulator dune = DUNE.emulator();
        assertThat(dune.executionsCreated()).isZero();
        assertThat(dune.requestCount()).isZero();
        assertThat(dune.requests()).isEmpty();
        assertThat(dune.faults().list()).isEmpty();
        assertThat(dune.rateLimits().writeQuota()).isZero();
        assertThat(dune.queries().find(4242)).as("an added query").isEmpty();
        assertThat(dune.queries()
                        .find(SampleQuery.DAILY_DEX_VOLUME.id())
                        .orElseThrow()
                        .minDuration())
                .isEqualTo(Duration.ZERO);
        // the builder's page size and queue, not the defaults and not the first test's
        String id = api.execute(SampleQuery.NUMBER_SERIES.id(), "{\"query_parameters\":{\"row_count\":120}}");
        assertThat(api.awaitFinished(id).path("state").asText()).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(api.get("/v1/execution/" + id + "/results?limit=1000")
                        .json()
                        .path("next_offset")
                        .asLong())
                .isEqualTo(50);
        assertThat(dune.executionsCreated()).isEqualTo(1);
    }
}

package io.github.cameldune.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults answer in Dune's error shape, on the chosen endpoint and query, as often as asked. */
@Timeout(120)
class FaultInjectionTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private final ApiClient api =
            new ApiClient(DUNE.emulator().baseUrl(), DUNE.emulator().apiKey());

    @Test
    void aFaultAnswersInsteadOfTheApiThenStops() {
        DUNE.emulator()
                .faults()
                .add(Fault.status(429, "Too many requests")
                        .header("Retry-After", "2")
                        .on(ApiEndpoint.EXECUTE)
                        .forQuery(1001)
                        .times(1));
        long before = DUNE.emulator().executionsCreated();
        ApiClient.Response limited = api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests\"}");
        assertThat(limited.raw().headers().firstValue("Retry-After")).hasValue("2");
        assertThat(DUNE.emulator().executionsCreated())
                .as("a refused execute creates nothing")
                .isEqualTo(before);
        assertThat(api.post("/v1/query/" + SampleQuery.TOP_TRADERS + "/execute", "{}")
                        .status())
                .as("other query")
                .isEqualTo(200);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .as("used up")
                .isEqualTo(200);
    }

    @Test
    void afterHandlingTheWorkIsDoneButTheAnswerIsTheFault() {
        DUNE.emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        long before = DUNE.emulator().executionsCreated();
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(500);
        assertThat(DUNE.emulator().executionsCreated())
                .as("the execution exists")
                .isEqualTo(before + 1);
    }

    @Test
    void aResetDropsTheConnectionWithoutAnAnswer() {
        DUNE.emulator().faults().add(Fault.reset().on(ApiEndpoint.EXECUTE).times(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}"))
                .hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void latencyDelaysTheAnswer() {
        DUNE.emulator()
                .faults()
                .add(Fault.latency(java.time.Duration.ofMillis(300))
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        long start = System.nanoTime();
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void planLimitsAnswer429WithDunesHeaders() {
        DUNE.emulator().rateLimits().write(2, java.time.Duration.ofSeconds(10));
        ApiClient.Response first = api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}");
        assertThat(first.raw().headers().firstValue("RateLimit-Policy")).hasValue("\"write\";q=2;w=10");
        assertThat(first.raw().headers().firstValue("RateLimit").orElseThrow()).startsWith("\"write\";r=1;t=");
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(200);
        ApiClient.Response refused = api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.raw().headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 10));
        assertThat(api.get("/v1/execution/01HKZJ2683PHF9Q9PHHQ8FW4Q1/status").status())
                .as("reads count apart")
                .isEqualTo(404);
    }

    @Test
    void faultsComeAfterTheKeyCheck() {
        DUNE.emulator().faults().add(Fault.status(500, Fault.INTERNAL_ERROR));
        assertThat(new ApiClient(DUNE.emulator().baseUrl(), "bad")
                        .post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute", "{}")
                        .body())
                .isEqualTo("{\"error\":\"An internal error occurred\"}");
    }
}

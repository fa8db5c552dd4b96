package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.emulator.DuneEmulator;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Route tests against a real emulator over loopback HTTP: the {@code dune} component points at it, and tests assert on
 * the requests it recorded.
 */
abstract class DuneTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private long executionsBefore;

    protected DuneEmulator emulator() {
        return DUNE.emulator();
    }

    @BeforeEach
    void countExecutions() {
        executionsBefore = emulator().executionsCreated();
    }

    /** Executions the emulator created during this test: each one a billed execution on Dune. */
    protected long executionsCreated() {
        return emulator().executionsCreated() - executionsBefore;
    }

    /**
     * The context's dune component with a credit budget of {@code credits} per {@code window} that counts only what
     * this JVM does: no reconciliation with the account's usage (BudgetReconcileTest covers it), and exports at zero,
     * so that the credits counted are exactly the executions' and the writes'.
     */
    static DuneComponent withBudget(CamelContext context, double credits, Duration window) {
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        dune.setCreditBudget(credits);
        dune.setCreditBudgetWindow(window.toMillis());
        dune.setCreditReconcileInterval(0);
        dune.setExportCreditsPerMb(0);
        return dune;
    }

    /** A component for one base URL and key, for tests with an emulator of their own. */
    static DuneComponent component(String baseUrl, String apiKey) {
        DuneComponent component = new DuneComponent();
        component.getConfiguration().setBaseUrl(baseUrl);
        component.getConfiguration().setApiKey(apiKey);
        return component;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DuneComponent dune = new DuneComponent();
        dune.getConfiguration().setBaseUrl(emulator().baseUrl());
        dune.getConfiguration().setApiKey(emulator().apiKey());
        // retries as in production, but quick
        dune.getConfiguration().setRetryInitialDelay(10);
        dune.getConfiguration().setRetryMaxDelay(100);
        context.addComponent("dune", dune);
        return context;
    }

    /**
     * Has the emulator execute a query directly (no request recorded), waits until it is finished, and forgets the
     * requests so far.
     */
    protected String finishedExecution(long queryId, Map<String, Object> parameters) throws InterruptedException {
        String id = emulator()
                .engine()
                .executeQuery(queryId, parameters, null)
                .orElseThrow()
                .id();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> emulator().engine().find(id).orElseThrow().state().isFinished());
        emulator().clearRequests();
        return id;
    }

    /** The requests the emulator received since the test started. */
    protected List<RecordedRequest> requests() {
        return emulator().requests();
    }

    /** The one request received, failing if there were more or none. */
    protected RecordedRequest onlyRequest() {
        List<RecordedRequest> requests = requests();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** A JSON body parsed into maps, lists, numbers and strings. */
    protected static Map<String, Object> json(String body) throws Exception {
        return Json.MAPPER.readValue(body, new TypeReference<Map<String, Object>>() {});
    }
}

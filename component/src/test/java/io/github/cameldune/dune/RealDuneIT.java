package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.Usage;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A smoke test against the real Dune API ({@code https://api.dune.com/api}), as Camel's {@code *ManualIT} tests and
 * Dune's own SDK end-to-end tests are: run only with {@code mvn -B -ntp -Preal-dune verify -pl component -am} and a key
 * in {@code DUNE_API_KEY}, never in CI. It makes free calls (the account's usage, the status of an execution named in
 * {@code DUNE_EXECUTION_ID}), and a small billed {@code run} only when {@code DUNE_QUERY_ID} names a saved query of
 * yours (its default parameters, on {@code DUNE_PERFORMANCE} or Dune's default tier). Without a key, it skips, saying
 * why. {@code DUNE_BASE_URL} points it elsewhere (a proxy).
 */
@Timeout(600)
class RealDuneIT {

    private static final String KEY = System.getenv("DUNE_API_KEY");
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void startCamel() throws Exception {
        String skipped = "DUNE_API_KEY is not set: the real-Dune smoke test needs a key (and never runs in CI)";
        if (KEY == null || KEY.isBlank()) {
            System.out.println("real Dune: skipped, " + skipped);
        }
        assumeTrue(KEY != null && !KEY.isBlank(), skipped);
        camel = new DefaultCamelContext();
        DuneComponent dune = new DuneComponent();
        dune.getConfiguration().setApiKey(KEY);
        String baseUrl = System.getenv("DUNE_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            dune.getConfiguration().setBaseUrl(baseUrl);
        }
        camel.addComponent("dune", dune);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:usage").to("dune:usage");
                from("direct:status").to("dune:status");
                from("direct:run").to("dune:run?waitTimeout=10m&cancelOnTimeout=true&limit=10");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void theAccountsUsageIsRead() {
        Exchange done = template.request("direct:usage", e -> {});
        assertThat(done.getException()).isNull();
        Usage usage = done.getMessage().getBody(Usage.class);
        assertThat(usage.billingPeriods()).as("the current billing period").isNotEmpty();
        System.out.printf(
                "real Dune: %s credits used of %s in the current period%n",
                usage.billingPeriods().get(0).creditsUsed(),
                usage.billingPeriods().get(0).creditsIncluded());
    }

    @Test
    void theStatusOfANamedExecutionIsRead() {
        String id = System.getenv("DUNE_EXECUTION_ID");
        assumeTrue(id != null && !id.isBlank(), "DUNE_EXECUTION_ID is not set: no execution to read the status of");
        Exchange done =
                template.request("direct:status", e -> e.getMessage().setHeader(DuneConstants.EXECUTION_ID, id));
        assertThat(done.getException()).isNull();
        ExecutionStatus status = done.getMessage().getBody(ExecutionStatus.class);
        assertThat(status.executionId()).isEqualTo(id);
        assertThat(status.state()).isNotNull();
        System.out.printf("real Dune: execution %s is %s%n", id, status.state());
    }

    @Test
    void aSmallRunOfANamedQueryGivesRows() {
        String queryId = System.getenv("DUNE_QUERY_ID");
        assumeTrue(queryId != null && !queryId.isBlank(), "DUNE_QUERY_ID is not set: no query to run (it bills)");
        String tier = System.getenv("DUNE_PERFORMANCE");
        Exchange done = template.request("direct:run", e -> {
            e.getMessage().setHeader(DuneConstants.QUERY_ID, queryId.trim());
            if (tier != null && !tier.isBlank()) {
                e.getMessage().setHeader(DuneConstants.PERFORMANCE, tier.trim());
            }
        });
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(List.class)).isNotNull();
        System.out.printf(
                "real Dune: query %s ran as %s, %s rows read, %s credits%n",
                queryId,
                done.getMessage().getHeader(DuneConstants.EXECUTION_ID),
                done.getMessage().getHeader(DuneConstants.ROW_COUNT),
                done.getMessage().getHeader(DuneConstants.EXECUTION_COST_CREDITS));
    }
}

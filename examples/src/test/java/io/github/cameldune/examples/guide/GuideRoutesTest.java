package io.github.cameldune.examples.guide;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.dune.model.QueryParameter;
import io.github.cameldune.dune.exception.DuneExecutionFailedException;
import io.github.cameldune.dune.exception.DuneRateLimitException;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;

/**
 * The routes of the user guide ({@code src-docs/user-guide.adoc}), run against the emulator. The guide's Java
 * snippets are copied from this file; {@link GuideSnippetsTest} fails when one is not.
 */
@Timeout(120)
class GuideRoutesTest extends CamelTestSupport {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        DuneComponent dune = new DuneComponent();
        dune.getConfiguration().setBaseUrl(DUNE.emulator().baseUrl());
        dune.getConfiguration().setApiKey(DUNE.emulator().apiKey());
        dune.getConfiguration().setPollInitialDelay(50);
        dune.getConfiguration().setPollInterval(50);
        context.addComponent("dune", dune);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(DuneRateLimitException.class)
                    .maximumRedeliveries(3).redeliveryDelay(2000);
                onException(DuneExecutionFailedException.class)
                    .handled(true)
                    .log("Query failed: ${exception.message}")
                    .to("mock:failed");

                from("timer:top-traders?repeatCount=1").autoStartup(false).routeId("getting-started")
                    .setBody(constant("{\"top_n\": 5}"))
                    .to("dune:run?queryId=1002&outputType=csv")
                    .to("file:target/guide?fileName=top-traders.csv");

                from("direct:wallet")
                    .setHeader("CamelDuneQueryParameters", constant(Map.of("max_rows", 10)))
                    .to("dune:run?queryId=1003&param.wallet=0xe03b4de29ba24ee38cc640a73f40db50dd52f479");

                from("direct:slow")
                    .to("dune:run?queryId=1007&waitTimeout=10m&cancelOnTimeout=true&maxPollInterval=20s");

                from("direct:broken")
                    .to("dune:run?queryId=1008");

                from("direct:start")
                    .to("dune:execute?queryId=1001&performance=large")
                    .log("Started ${header.CamelDuneExecutionId}: ${header.CamelDuneState}");

                from("direct:adhoc-sql")
                    .to("dune:executeSql");

                from("direct:look")
                    .to("dune:status")
                    .log("${header.CamelDuneState}, finished: ${header.CamelDuneExecutionFinished}");

                from("direct:stop")
                    .to("dune:cancel");

                from("direct:fresh-enough")
                    .to("dune:latestResults?queryId=1004&maxAge=6h");

                from("direct:page")
                    .to("dune:results?limit=100")
                    .log("${header.CamelDuneRowCount} rows; the next page starts at ${header.CamelDuneNextOffset}");

                from("direct:every-row")
                    .to("dune:results?outputType=stream")
                    .split(body()).streaming()
                        .to("mock:one-row");

                from("direct:export")
                    .to("dune:resultsCsv")
                    .to("file:target/guide?fileName=${header.CamelDuneExecutionId}.csv");

                from("dune:latestResults?queryId=1001&delay=60000").autoStartup(false).routeId("new-results")
                    .to("mock:new-result");

                from("direct:create-prices")
                    .to("dune:createTable?namespace=emulator&tableName=prices"
                        + "&schema=day:date!,token:varchar!,usd:double");

                from("direct:upload-prices")
                    .to("dune:insert?namespace=emulator&tableName=prices")
                    .log("Wrote ${header.CamelDuneRowsWritten} rows");

                from("direct:priced")
                    .to("dune:run?sql=SELECT token, avg(usd) AS usd FROM dune.emulator.prices GROUP BY token");

                from("direct:upload-csv")
                    .to("dune:uploadCsv?tableName=daily_prices&tableDescription=Daily prices")
                    .log("Made dune.emulator.${header.CamelDuneTableName}");

                from("direct:new-query")
                    // in a processor: Camel would read {{token}} in the route's own text as a property placeholder
                    .process(e -> e.getMessage().setBody(QueryDraft.of(
                            "Token prices", "SELECT * FROM dune.emulator.prices WHERE token = '{{token}}'")
                        .withParameters(List.of(QueryParameter.text("token", "ETH")))))
                    .to("dune:createQuery")
                    .log("Created query ${header.CamelDuneQueryId}");

                from("direct:retire-query")
                    .to("dune:archiveQuery");

                from("direct:run-saved")
                    .to("dune:run");
            }
        };
    }

    @Test
    void gettingStartedWritesTheCsv() throws Exception {
        Path file = Path.of("target/guide/top-traders.csv");
        Files.deleteIfExists(file);
        context.getRouteController().startRoute("getting-started");
        // the file, once written whole
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && Files.readAllLines(file).size() == 6);
        assertThat(Files.readAllLines(file)).hasSize(6).first().isEqualTo("trader,trades,volume_usd,projects");
    }

    @Test
    void parametersFromHeaderAndUri() {
        List<?> rows = template.requestBody("direct:wallet", null, List.class);
        assertThat(rows).hasSize(10);
        assertThat(DUNE.emulator().requests().get(0).body())
                .contains("\"wallet\":\"0xe03b4de29ba24ee38cc640a73f40db50dd52f479\"").contains("\"max_rows\":10");
    }

    @Test
    void waitingForASlowQuery() {
        DUNE.emulator().setMinDuration(1007, Duration.ofMillis(300));
        try {
            assertThat(template.requestBody("direct:slow", null, List.class)).isNotEmpty();
        } finally {
            DUNE.emulator().setMinDuration(1007, Duration.ofSeconds(2));
        }
    }

    @Test
    void aFailedQueryReachesItsHandler() throws Exception {
        MockEndpoint failed = getMockEndpoint("mock:failed");
        failed.expectedMessageCount(1);
        template.sendBody("direct:broken", null);
        failed.assertIsSatisfied();
    }

    @Test
    void aRateLimitIsRedelivered() {
        DUNE.emulator().faults().add(Fault.status(429, "Too many requests").header("Retry-After", "1")
                .on(ApiEndpoint.EXECUTE).times(1));
        Exchange done = template.request("direct:wallet", e -> {
        });
        assertThat(done.getException()).isNull();
        assertThat(DUNE.emulator().executionsCreated()).isPositive();
    }

    @Test
    void executeStatusCancelSqlAndLatest() throws Exception {
        DUNE.emulator().setMinDuration(1001, Duration.ofSeconds(5));
        try {
            Exchange started = template.request("direct:start", e -> {
            });
            String id = started.getMessage().getHeader("CamelDuneExecutionId", String.class);
            Exchange status = template.request("direct:look", e -> e.getMessage().setBody(id));
            assertThat(status.getMessage().getHeader("CamelDuneExecutionFinished")).isEqualTo(false);
            assertThat(template.requestBody("direct:stop", id, Boolean.class)).isTrue();
        } finally {
            DUNE.emulator().setMinDuration(1001, Duration.ZERO);
        }
        Exchange sql = template.request("direct:adhoc-sql", e -> e.getMessage().setBody("SELECT 42 AS answer"));
        assertThat(sql.getMessage().getHeader("CamelDuneExecutionId", String.class)).hasSize(26);
        assertThat(template.requestBody("direct:fresh-enough", null, List.class)).hasSize(100);
    }

    @Test
    void pagesStreamsAndCsv() throws Exception {
        String id = DUNE.emulator().engine().executeQuery(1005, Map.of("row_count", 250), null).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> DUNE.emulator().engine().find(id).orElseThrow().state().isFinished());
        Exchange page = template.request("direct:page", e -> e.getMessage().setHeader("CamelDuneExecutionId", id));
        assertThat(page.getMessage().getHeader("CamelDuneNextOffset")).isEqualTo(100L);

        MockEndpoint row = getMockEndpoint("mock:one-row");
        row.expectedMessageCount(250);
        template.sendBodyAndHeader("direct:every-row", null, "CamelDuneExecutionId", id);
        row.assertIsSatisfied();

        template.sendBodyAndHeader("direct:export", null, "CamelDuneExecutionId", id);
        assertThat(Files.readAllLines(Path.of("target/guide", id + ".csv"))).hasSize(251);
    }

    @Test
    void aConsumerEmitsNewResults() throws Exception {
        String id = DUNE.emulator().engine().executeQuery(1001, Map.of(), null).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> DUNE.emulator().engine().find(id).orElseThrow().state().isFinished());
        MockEndpoint result = getMockEndpoint("mock:new-result");
        result.expectedMessageCount(1);
        context.getRouteController().startRoute("new-results");
        result.assertIsSatisfied();
        assertThat(result.getReceivedExchanges().get(0).getMessage().getHeader("CamelDuneExecutionId")).isEqualTo(id);
    }

    @Test
    void dataIntoDune() throws Exception {
        template.sendBody("direct:create-prices", null);
        template.sendBody("direct:upload-prices", "day,token,usd\n2024-01-01,ETH,2300\n2024-01-02,ETH,2400\n");
        template.sendBody("direct:upload-prices", List.of(Map.of("day", "2024-01-01", "token", "BTC", "usd", 42000)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = template.requestBody("direct:priced", null, List.class);
        assertThat(rows).hasSize(2).contains(Map.of("token", "ETH", "usd", 2350.0));

        template.sendBody("direct:upload-csv", "day,token,usd\n2024-01-03,ETH,2500\n");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> daily = template.requestBodyAndHeader(
                "direct:run-saved", null, "CamelDuneSql", "SELECT token, usd FROM dune.emulator.dataset_daily_prices",
                List.class);
        assertThat(daily).singleElement().satisfies(row -> {
            assertThat(row.get("token")).isEqualTo("ETH");
            assertThat(((Number) row.get("usd")).intValue()).isEqualTo(2500);
        });

        long queryId = template.requestBody("direct:new-query", null, Long.class);
        List<?> eth = template.requestBodyAndHeader("direct:run-saved", null, "CamelDuneQueryId", queryId, List.class);
        assertThat(eth).hasSize(2);
        template.sendBodyAndHeader("direct:retire-query", null, "CamelDuneQueryId", queryId);
        assertThat(template.request("direct:run-saved", e -> e.getMessage().setHeader("CamelDuneQueryId", queryId))
                        .getException())
                .hasMessageContaining("archived");
    }

    @Test
    void duneParametersInARoutesOwnTextAreCamelPlaceholders() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:placeholder").setBody(constant("SELECT '{{token}}'"));
                    }
                }))
                .hasStackTraceContaining("Property with key [token] not found");
    }
}

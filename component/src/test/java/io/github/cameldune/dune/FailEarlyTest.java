package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.emulator.SampleQuery;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mistakes in options fail the start, naming the option and the value, before anything is billed; values in headers
 * are checked the same way before the execute; a broken scheduled query backs off as Camel's options say.
 */
@Timeout(120)
class FailEarlyTest extends DuneTestSupport {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "run?queryId=1001&waitTimeout=abc | Invalid waitTimeout 'abc': expected a duration",
                "run?queryId=1001&waitTimeout=-5s | Invalid waitTimeout '-5s': expected a duration",
                "run?queryId=1001&waitTimeout=0 | Invalid waitTimeout '0': expected a positive number",
                "latestResults?queryId=1001&maxAge=-1h | Invalid maxAge '-1h': expected a duration",
                "run?queryId=1001&pollInterval=0 | Invalid pollInterval '0': expected a positive number",
                "run?queryId=1001&pollInterval=10s&maxPollInterval=1s | Invalid maxPollInterval '1000 ms'",
                "execute?queryId=abc | Invalid queryId 'abc': expected a whole number",
                "execute?queryId=0 | Invalid queryId '0': expected a positive number",
                "execute?queryId=-5 | Invalid queryId '-5': expected a positive number",
                "execute?queryId=9223372036854775808 | Invalid queryId '9223372036854775808': expected at most "
                        + "9223372036854775807",
                "results?limit=2147483648 | Invalid limit '2147483648': expected at most 2147483647",
                "results?offset=-1 | Invalid offset '-1': expected zero or more",
                "run?queryId=1001&maxRetries=-1 | Invalid maxRetries '-1': expected zero or more",
                "results?outputType=xml | Invalid outputType 'xml': expected rows, stream, json, csv",
                "execute?queryId=1001&apiKeyLocation=cookie | Invalid apiKeyLocation 'cookie': expected header, query",
                "insert?tableName=t&namespace=n&uploadFormat=xml | Invalid uploadFormat 'xml': expected csv or ndjson",
                "execute?queryId=1001&performance=huge | Invalid performance 'huge': expected small, medium or large",
                "results?limit=0 | Invalid limit '0': expected a positive number",
                "results?sampleCount=10&limit=5 | Invalid sampleCount '10': expected not together with limit",
                "status?executionId=nope | 'nope' is not a Dune execution id",
                "execute?queryId=1001&baseUrl=https://api.dune.com/api/v1 | Invalid baseUrl "
                        + "'https://api.dune.com/api/v1': expected the URL without /v1, such as https://api.dune.com/api",
                "execute?queryId=1001&baseUrl=not a url | Invalid baseUrl 'not a url'",
                "upsertMaterializedView?materializedView=trades | Invalid materializedView 'trades': expected a "
                        + "materialized view's name: result_",
                "upsertMaterializedView?materializedView=result_x_ | Invalid materializedView 'result_x_'",
                "refreshMaterializedView?materializedView=result_daily | Invalid materializedView 'result_daily': "
                        + "expected a materialized view's full name, dune.OWNER.result_NAME",
                "upsertMaterializedView?cronExpression=*/5 * * * * | Invalid cronExpression '*/5 * * * *': expected a "
                        + "schedule at least 15 minutes apart (it fires 5 minutes apart)",
                "upsertMaterializedView?cronExpression=0 0 * * | Invalid cronExpression '0 0 * *': expected five cron",
                "upsertMaterializedView?cronExpression=0 25 * * * | Invalid cronExpression '0 25 * * *': expected cron "
                        + "fields of numbers, *, ranges, lists and steps: the hour field has '25', not within 0-23",
                "upsertMaterializedView?cronExpression=0 * * * *&expiresAt=soon | Invalid expiresAt 'soon': expected an "
                        + "RFC 3339 time",
                "upsertMaterializedView?expiresAt=2027-01-01T00:00:00Z | Invalid expiresAt '2027-01-01T00:00:00Z': "
                        + "expected a cronExpression too",
                "searchDatasetsByContract?contractAddress=uniswap | Invalid contractAddress 'uniswap'",
                "searchDatasets?ownerScope=everyone | Invalid ownerScope 'everyone': expected all, me or team",
                "listDatasets?limit=251 | Invalid limit '251': expected at most 250 with listDatasets",
            })
    void aMistakeInAnOptionFailsTheStartAndBillsNothing(String uri, String message) {
        assertThatThrownBy(() -> context.addRoutes(route("direct:mistake", "dune:" + uri)))
                .hasRootCauseInstanceOf(DuneInvalidInputException.class)
                .rootCause()
                .hasMessageStartingWith(message);
        assertThat(requests()).as("nothing was sent").isEmpty();
    }

    /** Every duration option: the largest valid value starts, just past it fails naming the option and the maximum. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "run?queryId=1001, waitTimeout",
        "run?queryId=1001, pollInitialDelay",
        "run?queryId=1001&maxPollInterval=36500d, pollInterval",
        "run?queryId=1001, maxPollInterval",
        "run?queryId=1001, longWaitThreshold",
        "run?queryId=1001&retryMaxDelay=36500d, retryInitialDelay",
        "run?queryId=1001, retryMaxDelay",
        "run?queryId=1001, connectTimeout",
        "run?queryId=1001, responseTimeout",
        "latestResults?queryId=1001, maxAge"
    })
    void aDurationIsAtMostAHundredYears(String uri, String option) throws Exception {
        context.addRoutes(route("direct:largest-" + option, "dune:" + uri + "&" + option + "=36500d"));
        assertThatThrownBy(() ->
                        context.addRoutes(route("direct:past-" + option, "dune:" + uri + "&" + option + "=36501d")))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid " + option + " '36501d': expected at most 36500d (100 years)");
        assertThat(requests()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"200000d", "10000000000000s", "9223372036854775807", "99999999999999999999", "PT999999999999999H"})
    void aDurationTooLargeToScheduleFailsTheStartBeforeAnythingIsBilled(String value) {
        assertThatThrownBy(() -> context.addRoutes(route(
                        "direct:forever",
                        "dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&waitTimeout=" + value)))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid waitTimeout '" + value + "': expected at most 36500d (100 years)");
        assertThat(requests()).as("nothing was sent").isEmpty();
    }

    @Test
    void aRunWithEveryDurationAtItsLargestEnds() throws Exception {
        context.addRoutes(route(
                "direct:largest",
                "dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                        + "&pollInitialDelay=20ms&pollInterval=20ms&maxPollInterval=36500d"
                        + "&waitTimeout=36500d&longWaitThreshold=36500d&retryMaxDelay=36500d&connectTimeout=36500d"
                        + "&responseTimeout=36500d&cancelOnTimeout=true"));
        Exchange done = template.send("direct:largest", e -> {});
        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_COMPLETED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"creditBudgetWindow", "creditReconcileInterval", "creditSettleInterval"})
    void aComponentDurationIsAtMostAHundredYearsToo(String option) throws Exception {
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        org.apache.camel.support.PropertyBindingSupport.build().bind(context, dune, option, "36500d");
        context.addRoutes(route("direct:largest-" + option, "dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME));
        org.apache.camel.support.PropertyBindingSupport.build().bind(context, dune, option, "36501d");
        assertThatThrownBy(() -> context.addRoutes(
                        route("direct:past-" + option, "dune:execute?queryId=" + SampleQuery.TOP_TRADERS)))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid " + option + " '36501d': expected at most 36500d (100 years)");
    }

    @Test
    void anEnumComponentPropertyNamesWhatIsAllowed() {
        DuneComponent dune = context.getComponent("dune", DuneComponent.class);
        assertThatThrownBy(() -> org.apache.camel.support.PropertyBindingSupport.build()
                        .bind(context, dune, "configuration.outputType", "xml"))
                .rootCause()
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid outputType 'xml': expected rows, stream, json, csv");
    }

    @Test
    void aComponentPropertyIsCheckedToo() {
        context.getComponent("dune", DuneComponent.class).getConfiguration().setPerformance("huge");
        try {
            assertThatThrownBy(() -> context.addRoutes(
                            route("direct:tier", "dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME)))
                    .rootCause()
                    .hasMessage("Invalid performance 'huge': expected small, medium or large");
        } finally {
            context.getComponent("dune", DuneComponent.class).getConfiguration().setPerformance(null);
        }
    }

    @Test
    void aHeaderIsCheckedBeforeTheExecute() throws Exception {
        context.addRoutes(route("direct:execute", "dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME));
        Exchange done =
                template.send("direct:execute", e -> e.getMessage().setHeader(DuneConstants.PERFORMANCE, "huge"));
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("Invalid CamelDunePerformance header 'huge': expected small, medium or large");
        done = template.send("direct:execute", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, "abc"));
        assertThat(done.getException()).hasMessage("The query id must be a positive number, was 'abc'");
        done = template.send("direct:execute", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, -5));
        assertThat(done.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessage("The query id must be a positive number, was -5");
        assertThat(executionsCreated()).isZero();
    }

    @Test
    void afterATimeoutTheStateIsTheLastOneSeen() throws Exception {
        emulator().setMinDuration(SampleQuery.DAILY_DEX_VOLUME.id(), Duration.ofSeconds(3));
        context.addRoutes(route(
                "direct:slow",
                "dune:run?queryId=" + SampleQuery.DAILY_DEX_VOLUME
                        + "&pollInitialDelay=50ms&pollInterval=50ms&waitTimeout=400ms"));
        Exchange done = template.send("direct:slow", e -> {});
        assertThat(done.getException()).isInstanceOf(DuneTimeoutException.class);
        assertThat(done.getMessage().getHeader(DuneConstants.STATE)).isEqualTo("QUERY_STATE_EXECUTING");
        assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID))
                .isEqualTo(((DuneTimeoutException) done.getException()).getExecutionId());
    }

    @Test
    void aBrokenScheduledQueryBacksOffAsConfigured() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        String every100ms = "&delay=100&initialDelay=0&pollInitialDelay=10ms&pollInterval=10ms";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> failures.incrementAndGet());
                from("dune:run?queryId=" + SampleQuery.BROKEN + every100ms
                                + "&backoffErrorThreshold=1&backoffMultiplier=5")
                        .routeId("backoff")
                        .autoStartup(false)
                        .to("mock:never");
                from("dune:run?queryId=" + SampleQuery.BROKEN + every100ms)
                        .routeId("plain")
                        .autoStartup(false)
                        .to("mock:never");
            }
        });
        long backedOff = executionsIn("backoff", Duration.ofMillis(2100));
        int seenBackedOff = failures.getAndSet(0);
        long plain = executionsIn("plain", Duration.ofMillis(2100));
        System.out.printf("backoff: %d executions with backoff, %d without, in 2.1 s each%n", backedOff, plain);
        // with backoff: a run, the poll that reports its failure, five skipped polls: one execution per 0.7 s
        assertThat(backedOff).isBetween(2L, 5L);
        assertThat(plain).as("without backoff, every period").isGreaterThanOrEqualTo(3 * backedOff);
        assertThat(seenBackedOff).as("the error handler saw each failure").isEqualTo((int) backedOff);
        assertThat(getMockEndpoint("mock:never").getReceivedCounter()).isZero();
    }

    private long executionsIn(String routeId, Duration time) throws Exception {
        long before = emulator().executionsCreated();
        context.getRouteController().startRoute(routeId);
        // about time: how many runs a schedule starts in a given time
        Thread.sleep(time.toMillis());
        context.getRouteController().stopRoute(routeId);
        // a run started just before the stop still ends
        await().atMost(Duration.ofSeconds(10))
                .until(() -> context.getInflightRepository().size() == 0);
        return emulator().executionsCreated() - before;
    }

    private static RouteBuilder route(String from, String to) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        };
    }
}

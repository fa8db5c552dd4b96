package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API key appears in no log line at any level, no exception, no printed endpoint URI, no meter and not in the dev
 * console. With
 * {@code apiKeyLocation=query} the key is part of the request URI, which HttpClient's own DEBUG log prints (as proxies
 * and access logs do); camel-dune and Camel still never print it.
 */
@Timeout(120)
class SecretsTest extends DuneTestSupport {

    private static final String KEY_IN_URI = "uri-key-9f8e7d6c5b4a";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:execute")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME)
                        .to("mock:out");
                from("direct:uriKey")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&apiKey=" + KEY_IN_URI);
                from("direct:queryKey")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&apiKeyLocation=query");
                from("direct:down")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&baseUrl=http://127.0.0.1:1/api");
                String fast = "pollInitialDelay=10ms&pollInterval=10ms";
                from("direct:run").to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&" + fast);
                from("direct:runBroken").to("dune:run?queryId=" + SampleQuery.BROKEN + "&" + fast);
                from("direct:runTimeout")
                        .to("dune:run?queryId=" + SampleQuery.SLOW_DAILY_SUMMARY
                                + "&waitTimeout=50ms&cancelOnTimeout=true&" + fast);
                from("direct:sql").to("dune:executeSql?sql=select 1 as one");
                from("direct:status").to("dune:status");
                from("direct:rows").to("dune:results?fetchAll=true");
                from("direct:stream")
                        .to("dune:results?outputType=stream")
                        .split(body())
                        .streaming()
                        .to("log:row");
                from("direct:json").to("dune:results?outputType=json");
                from("direct:csv").to("dune:resultsCsv").convertBodyTo(String.class);
                from("direct:latest")
                        .to("dune:latestResults?queryId=" + SampleQuery.NUMBER_SERIES + "&maxAge=1h&" + fast);
                from("direct:cancel").to("dune:cancel");
            }
        };
    }

    @Test
    void theKeyNeverAppearsInLogsOrExceptionsOfAnyOperation() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        List<String> lines;
        List<String> queryModeLines;
        try (LogCapture capture = new LogCapture()) {
            run(failures, "direct:execute", Map.of());
            run(failures, "direct:execute", Map.of(DuneConstants.QUERY_ID, 999999));
            run(failures, "direct:execute", Map.of(DuneConstants.QUERY_PARAMETERS, Map.of("nope", 1)));
            emulator().faults().add(Fault.status(500, Fault.INTERNAL_ERROR).times(1));
            run(failures, "direct:execute", Map.of());
            run(failures, "direct:execute", Map.of(DuneConstants.PERFORMANCE, "huge"));
            run(failures, "direct:uriKey", Map.of());
            run(failures, "direct:down", Map.of());
            everyOperation(failures);
            lines = capture.lines();
            run(failures, "direct:queryKey", Map.of());
            queryModeLines = capture
                    .lines()
                    .subList(lines.size(), capture.lines().size())
                    .stream()
                    .filter(line -> !line.substring(line.indexOf(" ") + 1).startsWith("org.apache.hc."))
                    .toList();
        }
        assertThat(lines).as("TRACE logging was on").isNotEmpty();
        assertThat(failures).as("the failures exercised").hasSizeGreaterThanOrEqualTo(12);
        assertThat(requests())
                .anySatisfy(r -> assertThat(r.queryParameter("api_key"))
                        .isEqualTo(emulator().apiKey()));
        for (String secret : List.of(emulator().apiKey(), KEY_IN_URI)) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
            assertThat(queryModeLines).noneMatch(line -> line.contains(secret));
            for (Throwable failure : failures) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(secret);
            }
        }
    }

    @Test
    void printedEndpointUrisHideTheKey() {
        DuneEndpoint endpoint = context.getEndpoint(
                "dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&apiKey=" + KEY_IN_URI, DuneEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain(KEY_IN_URI).contains("apiKey=xxxxxx");
        assertThat(endpoint.getEndpointBaseUri()).doesNotContain(KEY_IN_URI);
        assertThat(context.getEndpoints())
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain(KEY_IN_URI));
    }

    @Test
    void theKeyIsInNoMeterNorTheDevConsole() throws Exception {
        everyOperation(new ArrayList<>());
        org.apache.camel.console.DevConsole console = org.apache.camel.support.PluginHelper.getDevConsoleResolver(
                        context)
                .resolveDevConsole("dune");
        org.apache.camel.support.service.ServiceHelper.startService(console);
        String json = org.apache.camel.util.json.Jsoner.serialize(
                console.call(org.apache.camel.console.DevConsole.MediaType.JSON));
        String text = (String) console.call(org.apache.camel.console.DevConsole.MediaType.TEXT);
        assertThat(json)
                .as("the console lists the endpoints and the errors")
                .contains("execute?apiKey=xxxxxx", "errors");
        String meters = context.getComponent("dune", DuneComponent.class).metrics().series().stream()
                .map(m -> m.name() + m.tags())
                .toList()
                .toString();
        for (String figures : List.of(json, text, meters)) {
            assertThat(figures)
                    .doesNotContain(KEY_IN_URI)
                    .doesNotContain(emulator().apiKey());
        }
    }

    /** Every operation once as it should go, and failing: unknown ids, faults, a failed and a timed-out run. */
    private void everyOperation(List<Throwable> failures) throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 3));
        for (String uri : List.of(
                "direct:status", "direct:rows", "direct:stream", "direct:json", "direct:csv", "direct:cancel")) {
            run(failures, uri, Map.of(DuneConstants.EXECUTION_ID, id));
            run(failures, uri, Map.of(DuneConstants.EXECUTION_ID, "01HKZJ2683PHF9Q9PHHQ8FW4Q1"));
        }
        for (String uri :
                List.of("direct:run", "direct:sql", "direct:latest", "direct:runBroken", "direct:runTimeout")) {
            run(failures, uri, Map.of());
        }
        emulator()
                .faults()
                .add(io.github.cameldune.emulator.faults.Fault.status(429, "Too many requests")
                        .header("Retry-After", "0")
                        .times(2));
        emulator()
                .faults()
                .add(io.github.cameldune.emulator.faults.Fault.raw(200, "text/html", "<h1>oops</h1>")
                        .times(3));
        for (String uri : List.of("direct:status", "direct:rows", "direct:run")) {
            run(failures, uri, Map.of(DuneConstants.EXECUTION_ID, id));
        }
    }

    private void run(List<Throwable> failures, String uri, Map<String, Object> headers) {
        Exchange done = template.send(uri, e -> e.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        if (done.getException() != null) {
            failures.add(done.getException());
        }
    }
}

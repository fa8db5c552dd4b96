package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of malformed, truncated and unexpected answers for every operation: each exchange ends, either with a
 * result (unknown fields and states are tolerated) or with a {@link DuneException}; never a NullPointerException,
 * a ClassCastException or a hang. Bodies are mutations of real answers, from a fixed seed so a failure repeats.
 */
@Timeout(600)
class MalformedResponseFuzzIT extends DuneTestSupport {

    private static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 500);

    private static final String EXECUTION =
            "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\"," + "\"state\":\"QUERY_STATE_PENDING\"}";
    private static final String STATUS = "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\",\"query_id\":1005,"
            + "\"is_execution_finished\":true,\"state\":\"QUERY_STATE_COMPLETED\","
            + "\"submitted_at\":\"2024-03-05T22:07:22.828653Z\",\"expires_at\":\"2024-06-03T22:07:53.36647Z\","
            + "\"execution_started_at\":\"2024-03-05T22:07:24.013663281Z\","
            + "\"execution_ended_at\":\"2024-03-05T22:07:53.366469062Z\",\"result_metadata\":{\"column_names\":"
            + "[\"number\",\"label\"],\"column_types\":[\"bigint\",\"varchar\"],\"row_count\":2,\"result_set_bytes\":"
            + "12,\"total_row_count\":2,\"total_result_set_bytes\":12,\"datapoint_count\":4,\"pending_time_millis\":"
            + "1,\"execution_time_millis\":2},\"execution_cost_credits\":10}";
    private static final String RESULTS = "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\",\"query_id\":1005,"
            + "\"is_execution_finished\":true,\"state\":\"QUERY_STATE_COMPLETED\","
            + "\"submitted_at\":\"2024-03-05T22:07:22.828653Z\",\"execution_ended_at\":\"2024-03-05T22:07:53Z\","
            + "\"result\":{\"rows\":[{\"label\":\"row-0\",\"number\":0},{\"label\":\"row-1\",\"number\":1}],"
            + "\"metadata\":{\"column_names\":[\"number\",\"label\"],\"column_types\":[\"bigint\",\"varchar\"],"
            + "\"row_count\":2,\"total_row_count\":2,\"datapoint_count\":4}}}";
    private static final String CANCEL = "{\"success\":true}";
    private static final String CSV = "number,label\n0,row-0\n1,row-1\n";

    private final Random random = new Random(20261124);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // thousands of expected failures: assert on them, do not log each with its stack trace
                errorHandler(defaultErrorHandler().logExhausted(false));
                String common = "maxRetries=0&pollInitialDelay=1ms&pollInterval=1ms&waitTimeout=2s";
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&" + common);
                from("direct:executeSql").to("dune:executeSql?sql=select 1&" + common);
                from("direct:status").to("dune:status?" + common);
                from("direct:rows").to("dune:results?fetchAll=true&" + common);
                from("direct:json").to("dune:results?outputType=json&" + common);
                from("direct:stream")
                        .to("dune:results?outputType=stream&" + common)
                        .split(body())
                        .streaming()
                        .to("log:fuzz?level=TRACE");
                from("direct:csv").to("dune:resultsCsv?" + common).convertBodyTo(String.class);
                from("direct:latest").to("dune:latestResults?queryId=" + SampleQuery.NUMBER_SERIES + "&" + common);
                from("direct:cancel").to("dune:cancel?" + common);
            }
        };
    }

    /**
     * Every combination of next_uri (absent, this API, this page again, another origin, malformed) and next_offset
     * (absent, ahead, the same, behind, negative, not a number), for every paging output: each exchange ends, as rows
     * or a DuneException, within a handful of requests.
     */
    @Test
    void everyNextPointerCombinationEnds() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 2));
        String here = emulator().baseUrl() + "/v1/execution/" + id + "/results";
        List<String> uris = List.of(
                "",
                ",\"next_uri\":\"" + here + "?offset=2\"",
                ",\"next_uri\":\"" + here + "?offset=0\"",
                ",\"next_uri\":\"http://192.0.2.1:9/api/v1/x\"",
                ",\"next_uri\":\"::not a url::\"",
                ",\"next_uri\":42");
        List<String> offsets = List.of(
                "", ",\"next_offset\":2", ",\"next_offset\":0", ",\"next_offset\":-5", ",\"next_offset\":\"two\"");
        int ended = 0;
        for (String route : List.of("direct:rows", "direct:stream", "direct:json")) {
            for (String uri : uris) {
                for (String offset : offsets) {
                    emulator().faults().clear();
                    emulator().clearRequests();
                    String page = RESULTS.substring(0, RESULTS.length() - 1).replace("01HKZJ2683PHF9Q9PHHQ8FW4Q1", id)
                            + uri + offset + "}";
                    emulator()
                            .faults()
                            .add(Fault.raw(200, "application/json", page).on(ApiEndpoint.RESULTS));
                    Exchange exchange = new DefaultExchange(context);
                    exchange.getMessage().setHeader(DuneConstants.EXECUTION_ID, id);
                    Exchange done = template.asyncSend(route, exchange).get(10, TimeUnit.SECONDS);
                    assertThat(done.getException() == null || done.getException() instanceof DuneException)
                            .as("%s %s %s: %s", route, uri, offset, done.getException())
                            .isTrue();
                    assertThat(requests()).as("%s %s %s", route, uri, offset).hasSizeLessThanOrEqualTo(4);
                    ended++;
                }
            }
        }
        assertThat(ended).isEqualTo(3 * uris.size() * offsets.size());
    }

    @Test
    void malformedAnswersBecomeDuneExceptions() throws Exception {
        String id = finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of("row_count", 2));
        finishedExecution(SampleQuery.NUMBER_SERIES.id(), Map.of());
        record Target(String route, ApiEndpoint endpoint, String valid) {}
        List<Target> targets = List.of(
                new Target("direct:execute", ApiEndpoint.EXECUTE, EXECUTION),
                new Target("direct:executeSql", ApiEndpoint.SQL_EXECUTE, EXECUTION),
                new Target("direct:status", ApiEndpoint.STATUS, STATUS),
                new Target("direct:rows", ApiEndpoint.RESULTS, RESULTS),
                new Target("direct:json", ApiEndpoint.RESULTS, RESULTS),
                new Target("direct:stream", ApiEndpoint.RESULTS, RESULTS),
                new Target("direct:csv", ApiEndpoint.RESULTS, CSV),
                new Target("direct:latest", ApiEndpoint.RESULTS, RESULTS),
                new Target("direct:cancel", ApiEndpoint.CANCEL, CANCEL));
        int tolerated = 0;
        int failed = 0;
        List<String> escaped = new ArrayList<>();
        for (Target target : targets) {
            long started = System.nanoTime();
            for (int i = 0; i < PER_OPERATION; i++) {
                String body = mutate(target.valid());
                int status = random.nextInt(10) == 0
                        ? List.of(400, 404, 429, 500, 502).get(random.nextInt(5))
                        : 200;
                emulator().faults().clear();
                emulator()
                        .faults()
                        .add(Fault.raw(status, random.nextInt(8) == 0 ? "text/html" : "application/json", body)
                                .on(target.endpoint())
                                .times(1000));
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setHeader(DuneConstants.EXECUTION_ID, id);
                Exchange done = template.asyncSend(target.route(), exchange).get(10, TimeUnit.SECONDS);
                Exception e = done.getException();
                if (e == null) {
                    tolerated++;
                } else if (e instanceof DuneException) {
                    failed++;
                } else {
                    escaped.add(target.route() + " " + status + " " + body + " -> " + e);
                }
            }
            System.out.printf("fuzz %s: %d ms%n", target.route(), (System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf(
                "fuzz: %d malformed answers, %d tolerated, %d DuneException, %d other%n",
                targets.size() * PER_OPERATION, tolerated, failed, escaped.size());
        assertThat(escaped).as("exceptions other than DuneException").isEmpty();
        assertThat(failed).isGreaterThan(targets.size() * PER_OPERATION / 4);
    }

    /** One of the ways an answer goes wrong, applied to a real one. */
    private String mutate(String valid) {
        return switch (random.nextInt(9)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid.replaceFirst("\"[a-z_]+\":", "\"" + Long.toHexString(random.nextLong()) + "\":");
            case 2 ->
                replaceValue(
                        valid,
                        List.of("null", "[]", "{}", "\"x\"", "-1", "1e999", "true", "\"\"")
                                .get(random.nextInt(8)));
            case 3 -> "<html><body><h1>502 Bad Gateway</h1></body></html>";
            case 4 ->
                List.of("", "null", "[]", "{}", "\"text\"", "42", "{\"error\":", "\u0000\u00ff")
                        .get(random.nextInt(8));
            case 5 -> valid.replace("QUERY_STATE_", "QUERY_STATE_NEW_");
            case 6 -> valid.replace("\"rows\":[", "\"rows\":[1,\"x\",null,");
            case 7 -> valid.replaceAll("\"2024-[^\"]*\"", "\"yesterday\"");
            default ->
                new StringBuilder(valid)
                        .insert(random.nextInt(valid.length()), (char) (32 + random.nextInt(95)))
                        .toString();
        };
    }

    private String replaceValue(String json, String replacement) {
        List<int[]> spots = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        ":(\"[^\"]*\"|-?[0-9.]+|true|false|null|\\[\\]|\\{\\})")
                .matcher(json);
        while (m.find()) {
            spots.add(new int[] {m.start(1), m.end(1)});
        }
        if (spots.isEmpty()) {
            return json;
        }
        int[] spot = spots.get(random.nextInt(spots.size()));
        return json.substring(0, spot[0]) + replacement + json.substring(spot[1]);
    }
}

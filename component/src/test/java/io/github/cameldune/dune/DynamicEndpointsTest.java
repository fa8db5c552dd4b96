package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code toD} with the varying part in the URI: 1,000 messages over 50 query ids, 20 at a time, make one endpoint for
 * the URI shape, each message runs its own query with its own parameter, and the URI's static options still apply.
 */
@Timeout(300)
class DynamicEndpointsTest extends DuneTestSupport {

    private static final int QUERIES = 50;
    private static final int MESSAGES = 1_000;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("dune:createQuery");
                from("direct:run")
                        .toD("dune:run?queryId=${header.q}&param.n=${header.n}&performance=large&outputType=json"
                                + "&pollInitialDelay=10ms&pollInterval=10ms");
                from("direct:twice")
                        .toD("dune:run?queryId=${header.a}&pollInitialDelay=10ms&pollInterval=10ms")
                        .setHeader("first", body())
                        .setBody(constant(""))
                        .toD("dune:run?queryId=${header.b}&pollInitialDelay=10ms&pollInterval=10ms");
            }
        };
    }

    @Test
    void oneEndpointServesEveryQueryIdAndEachMessageRunsItsOwn() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            ids.add(template.requestBody(
                    "direct:create",
                    QueryDraft.of("q" + i, "SELECT " + i + " AS query, {{n}} AS n")
                            .withParameters(List.of(io.github.cameldune.dune.model.QueryParameter.number("n", 0))),
                    Long.class));
        }
        long endpointsBefore = duneEndpoints();
        ExecutorService senders = Executors.newFixedThreadPool(20);
        List<Future<Exchange>> sent = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            int query = m % QUERIES;
            int n = m;
            sent.add(senders.submit(() -> template.request("direct:run", e -> {
                e.getMessage().setHeader("q", ids.get(query));
                e.getMessage().setHeader("n", n);
            })));
        }
        List<String> wrong = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            Exchange done = sent.get(m).get();
            assertThat(done.getException()).isNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>)
                    Json.MAPPER.readValue(done.getMessage().getBody(String.class), Map.class);
            Object rows = ((Map<?, ?>) row.get("result")).get("rows");
            if (!List.of(Map.of("query", m % QUERIES, "n", m)).equals(rows)) {
                wrong.add(m + ": " + rows);
            }
            assertThat(done.getMessage().getHeaders())
                    .as("the call's own headers are taken off again")
                    .doesNotContainKeys(DuneConstants.QUERY_ID, DuneConstants.QUERY_PARAMETERS);
        }
        senders.shutdown();
        assertThat(wrong).as("messages that got another message's rows").isEmpty();
        assertThat(duneEndpoints() - endpointsBefore)
                .as("one endpoint for the URI shape")
                .isOne();
        List<RecordedRequest> executes = emulator().requests().stream()
                .filter(r -> r.path().endsWith("/execute"))
                .toList();
        assertThat(executes).hasSize(MESSAGES).allMatch(r -> r.body().contains("\"performance\":\"large\""));
        assertThat(emulator().requestCount(ApiEndpoint.EXECUTE)).isEqualTo(MESSAGES);
    }

    @Test
    void twoDynamicCallsInARouteEachRunTheirOwnQuery() {
        Exchange done = template.request("direct:twice", e -> {
            e.getMessage().setHeader("a", 1005);
            e.getMessage().setHeader("b", 1006);
        });
        assertThat(done.getException()).isNull();
        assertThat(emulator().requests())
                .filteredOn(r -> r.path().endsWith("/execute"))
                .extracting(RecordedRequest::path)
                .containsExactly("/api/v1/query/1005/execute", "/api/v1/query/1006/execute");
    }

    private long duneEndpoints() {
        return context.getEndpoints().stream()
                .filter(Endpoint.class::isInstance)
                .filter(e -> e.getEndpointUri().startsWith("dune:")
                        && !e.getEndpointUri().contains("createQuery"))
                .count();
    }
}

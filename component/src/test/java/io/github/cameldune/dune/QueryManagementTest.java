package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneForbiddenException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.dune.model.DuneQuery;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Queries as Dune manages them, against the emulator: create, execute, update the SQL, execute (the new result),
 * archive, execute (Dune's refusal, typed), unarchive; privacy; a create without SQL fails before anything is sent.
 */
class QueryManagementTest extends DuneTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("dune:createQuery");
                from("direct:get").to("dune:getQuery");
                from("direct:update").to("dune:updateQuery");
                from("direct:archive").to("dune:archiveQuery");
                from("direct:unarchive").to("dune:unarchiveQuery");
                from("direct:private").to("dune:makePrivate");
                from("direct:public").to("dune:makePublic");
                from("direct:run").to("dune:run?pollInitialDelay=20ms&pollInterval=20ms");
            }
        };
    }

    @Test
    void createExecuteUpdateExecuteArchiveExecute() {
        long id = template.requestBody(
                "direct:create",
                Map.of(
                        "name",
                        "Answer",
                        "query_sql",
                        "SELECT {{n}} AS n",
                        "parameters",
                        List.of(Map.of("key", "n", "type", "number", "value", "42"))),
                Long.class);
        assertThat(run(id)).isEqualTo(42);

        Exchange updated = template.request("direct:update", e -> {
            e.getMessage().setHeader(DuneConstants.QUERY_ID, id);
            e.getMessage().setBody("{\"query_sql\": \"SELECT {{n}} * 2 AS n\"}");
        });
        assertThat(updated.getException()).isNull();
        DuneQuery query =
                template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, id, DuneQuery.class);
        assertThat(query.version()).isEqualTo(2);
        assertThat(query.querySql()).isEqualTo("SELECT {{n}} * 2 AS n");
        assertThat(query.parameters()).extracting(DuneQuery.Parameter::key).containsExactly("n");
        assertThat(run(id)).isEqualTo(84);

        template.requestBodyAndHeader("direct:archive", null, DuneConstants.QUERY_ID, id);
        assertThat(template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, id, DuneQuery.class)
                        .isArchived())
                .isTrue();
        Exchange refused = template.request("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, id));
        assertThat(refused.getException())
                .isInstanceOf(DuneForbiddenException.class)
                .hasMessageContaining("archived");
        template.requestBodyAndHeader("direct:unarchive", null, DuneConstants.QUERY_ID, id);
        assertThat(run(id)).isEqualTo(84);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotSentAgain() {
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.QUERY_CREATE)
                        .times(1));
        emulator().clearRequests();
        Exchange lost = template.request(
                "direct:create", e -> e.getMessage().setBody(Map.of("name", "Once", "query_sql", "SELECT 1 AS n")));
        assertThat(lost.getException()).isInstanceOf(DuneServerException.class).hasMessageContaining("not sent again");
        assertThat(requests()).as("one create sent").hasSize(1);
        assertThat(emulator().queries().all().stream().filter(q -> q.name().equals("Once")))
                .as("Dune made it, once")
                .hasSize(1);
    }

    @Test
    void privacyIsKept() {
        template.requestBodyAndHeader("direct:private", null, DuneConstants.QUERY_ID, 1001L);
        assertThat(template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, 1001L, DuneQuery.class)
                        .isPrivate())
                .isTrue();
        template.requestBodyAndHeader("direct:public", null, DuneConstants.QUERY_ID, 1001L);
        assertThat(template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, 1001L, DuneQuery.class)
                        .isPrivate())
                .isFalse();
    }

    @Test
    void aQueryWithoutSqlFailsBeforeAnythingIsSent() {
        emulator().clearRequests();
        Exchange refused = template.request("direct:create", e -> e.getMessage().setBody(Map.of("name", "x")));
        assertThat(refused.getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("query_sql");
        assertThat(requests()).isEmpty();
    }

    private int run(long queryId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                template.requestBodyAndHeader("direct:run", null, DuneConstants.QUERY_ID, queryId, List.class);
        return ((Number) rows.get(0).get("n")).intValue();
    }
}

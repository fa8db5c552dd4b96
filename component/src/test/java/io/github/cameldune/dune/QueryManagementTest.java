package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.dune.model.DuneQuery;
import io.github.cameldune.dune.model.QueryDraft;
import io.github.cameldune.dune.model.QueryParameter;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries as Dune manages them, against the emulator: create, execute, update the SQL, execute (the new result),
 * archive, execute (Dune's refusal, typed), unarchive; privacy; typed drafts and parameters; a create without SQL, an
 * unknown field or a parameter Dune would refuse fails before anything is sent.
 */
@Timeout(120)
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
                        "ApiResponse",
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
        assertThat(query.parameters()).extracting(QueryParameter::key).containsExactly("n");
        assertThat(run(id)).isEqualTo(84);

        template.requestBodyAndHeader("direct:archive", null, DuneConstants.QUERY_ID, id);
        assertThat(template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, id, DuneQuery.class)
                        .isArchived())
                .isTrue();
        Exchange refused = template.request("direct:run", e -> e.getMessage().setHeader(DuneConstants.QUERY_ID, id));
        assertThat(refused.getException())
                .isExactlyInstanceOf(DuneApiException.class)
                .hasFieldOrPropertyWithValue("httpResponseCode", 403)
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

    @Test
    void aTypedDraftCarriesDunesParameterObjects() {
        QueryDraft draft = QueryDraft.of("Typed", "SELECT '{{chain}}' AS chain, {{n}} AS n, '{{since}}' AS since")
                .withParameters(List.of(
                        QueryParameter.enumOf("chain", "ethereum", List.of("ethereum", "base")),
                        QueryParameter.number("n", 7),
                        QueryParameter.datetime("since", java.time.LocalDateTime.of(2026, 11, 1, 0, 0))))
                .withTags(List.of("typed"));
        emulator().clearRequests();
        long id = template.requestBody("direct:create", draft, Long.class);
        assertThat(onlyRequest().body())
                .contains("{\"key\":\"chain\",\"type\":\"enum\",\"value\":\"ethereum\","
                        + "\"enumOptions\":[\"ethereum\",\"base\"]}")
                .contains("{\"key\":\"n\",\"type\":\"number\",\"value\":\"7\"}")
                .contains("\"value\":\"2026-11-01 00:00:00\"")
                .doesNotContain("description");
        DuneQuery read = template.requestBodyAndHeader("direct:get", null, DuneConstants.QUERY_ID, id, DuneQuery.class);
        assertThat(read.parameters())
                .extracting(QueryParameter::type)
                .containsExactly(QueryParameter.Type.ENUM, QueryParameter.Type.NUMBER, QueryParameter.Type.DATETIME);
        assertThat(read.tags()).containsExactly("typed");
    }

    @Test
    void aDraftDuneWouldRefuseFailsNamingTheFieldBeforeAnythingIsSent() {
        emulator().clearRequests();
        Map<String, Object> misspelt = Map.of("name", "x", "query", "SELECT 1");
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(misspelt))
                        .getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("Unknown query field 'query'");
        String badEnum = "{\"name\":\"x\",\"query_sql\":\"SELECT '{{c}}'\",\"parameters\":[{\"key\":\"c\","
                + "\"type\":\"enum\",\"value\":\"solana\",\"enumOptions\":[\"ethereum\"]}]}";
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(badEnum))
                        .getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("Enum parameter c: 'solana' is not one of");
        String badType =
                "{\"name\":\"x\",\"query_sql\":\"SELECT 1\",\"parameters\":[{\"key\":\"c\",\"type\":\"date\"}]}";
        assertThat(template.request("direct:create", e -> e.getMessage().setBody(badType))
                        .getException())
                .isInstanceOf(DuneInvalidInputException.class)
                .hasMessageContaining("Invalid parameter type 'date'");
        assertThat(requests()).isEmpty();
    }

    private int run(long queryId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                template.requestBodyAndHeader("direct:run", null, DuneConstants.QUERY_ID, queryId, List.class);
        return ((Number) rows.get(0).get("n")).intValue();
    }
}

package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.emulator.RecordedRequest;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.engine.QueryCatalog;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dune:execute} against the emulator: where the query id, tier and parameters come from, and what is sent. */
@Timeout(120)
class ExecuteProducerTest extends DuneTestSupport {

    /** A saved query with one parameter of each shape, to check the JSON types that arrive. */
    private static final String TYPES_QUERY = """
            -- id: 5001
            -- name: parameter types
            -- param: count number = 0
            -- param: ratio number = 0
            -- param: big number = 0
            -- param: label text = x
            -- param: at datetime = 2024-01-01 00:00:00
            -- param: instant datetime = 2024-01-01 00:00:00
            -- param: zoned datetime = 2024-01-01 00:00:00
            -- param: day datetime = 2024-01-01 00:00:00
            -- param: chains enum(ethereum,base,arbitrum) = ethereum
            SELECT 1 AS one
            """;

    @BeforeEach
    void addTypesQuery() {
        emulator().queries().add(QueryCatalog.parse(TYPES_QUERY, "types"));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uri")
                        .to("dune:execute?queryId=" + SampleQuery.DAILY_DEX_VOLUME + "&performance=large")
                        .to("mock:out");
                from("direct:bare").to("dune:execute").to("mock:out");
                from("direct:params")
                        .to("dune:execute?queryId=" + SampleQuery.PARAMETER_ECHO
                                + "&param.text_field=from-uri&param.list_field=Option 3")
                        .to("mock:out");
            }
        };
    }

    @Test
    void executesTheQueryAndPutsTheExecutionOnTheMessage() throws Exception {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(1);
        template.sendBody("direct:uri", null);
        out.assertIsSatisfied();

        Exchange result = out.getReceivedExchanges().get(0);
        String executionId = result.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
        assertThat(executionId).hasSize(26).startsWith("01");
        assertThat(result.getMessage().getHeader(DuneConstants.STATE, String.class))
                .isIn("QUERY_STATE_PENDING", "QUERY_STATE_EXECUTING");
        DuneExecution body = result.getMessage().getBody(DuneExecution.class);
        assertThat(body.executionId()).isEqualTo(executionId);
        assertThat(body.state().isTerminal()).isFalse();
        assertThat(emulator().engine().find(executionId))
                .as("the emulator knows the execution")
                .isPresent();

        RecordedRequest request = onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/query/" + SampleQuery.DAILY_DEX_VOLUME + "/execute");
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("User-Agent"))
                .isEqualTo(DuneComponent.USER_AGENT)
                .startsWith("camel-dune/0.1.0");
        assertThat(request.header("X-Dune-Api-Key")).isEqualTo(emulator().apiKey());
        assertThat(json(request.body())).isEqualTo(Map.of("query_parameters", Map.of(), "performance", "large"));
    }

    @Test
    void theExecutionConvertsToJsonAndToAMap() {
        DuneExecution execution = template.requestBody("direct:uri", null, DuneExecution.class);
        String text = context.getTypeConverter().convertTo(String.class, execution);
        assertThat(text)
                .isEqualTo("{\"execution_id\":\"" + execution.executionId() + "\",\"state\":\""
                        + execution.state().value() + "\"}");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().convertTo(Map.class, execution);
        assertThat(map)
                .containsExactly(
                        Map.entry("execution_id", execution.executionId()),
                        Map.entry("state", execution.state().value()));
    }

    @Test
    void headersOverrideTheQueryIdAndTier() throws Exception {
        template.sendBodyAndHeaders(
                "direct:uri", null, Map.of(DuneConstants.QUERY_ID, "1002", DuneConstants.PERFORMANCE, "Medium"));
        RecordedRequest request = onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v1/query/" + SampleQuery.TOP_TRADERS + "/execute");
        assertThat(json(request.body())).containsEntry("performance", "medium");
    }

    @Test
    void noTierMeansNoPerformanceField() throws Exception {
        template.sendBodyAndHeader("direct:bare", null, DuneConstants.QUERY_ID, 1001L);
        assertThat(json(onlyRequest().body())).isEqualTo(Map.of("query_parameters", Map.of()));
    }

    @Test
    void parametersComeFromTheUriOptions() throws Exception {
        template.sendBody("direct:params", null);
        assertThat(json(onlyRequest().body()).get("query_parameters"))
                .isEqualTo(Map.of("text_field", "from-uri", "list_field", "Option 3"));
    }

    @Test
    void parametersMergeHeaderOverBodyOverUri() throws Exception {
        Map<String, Object> body = Map.of("text_field", "from-body", "number_field", 2);
        Map<String, Object> header = Map.of("number_field", 3);
        template.sendBodyAndHeader("direct:params", body, DuneConstants.QUERY_PARAMETERS, header);
        assertThat(json(onlyRequest().body()).get("query_parameters"))
                .isEqualTo(Map.of("text_field", "from-body", "number_field", 3, "list_field", "Option 3"));
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void aJsonBodyIsReadAsStringBytesOrStream() throws Exception {
        String jsonBody = "{\"text_field\":\"json\",\"number_field\":1.5}";
        template.sendBody("direct:params", jsonBody);
        template.sendBody("direct:params", jsonBody.getBytes(StandardCharsets.UTF_8));
        template.sendBody("direct:params", new ByteArrayInputStream(jsonBody.getBytes(StandardCharsets.UTF_8)));
        assertThat(requests()).hasSize(3);
        for (RecordedRequest r : requests()) {
            assertThat(json(r.body()).get("query_parameters"))
                    .isEqualTo(Map.of("text_field", "json", "number_field", 1.5, "list_field", "Option 3"));
        }
    }

    /** A bean body, turned into parameters by its properties. */
    public record EchoParameters(String text_field, int number_field) {}

    @Test
    void anObjectBodyBecomesParametersThroughItsProperties() throws Exception {
        template.sendBody("direct:params", new EchoParameters("bean", 7));
        assertThat(json(onlyRequest().body()).get("query_parameters"))
                .isEqualTo(Map.of("text_field", "bean", "number_field", 7, "list_field", "Option 3"));
    }

    @Test
    void valuesArriveWithTheirJsonTypes() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("count", 42);
        params.put("ratio", 0.25);
        params.put("big", new BigDecimal("12345678901234567890.5"));
        params.put("label", "text");
        params.put("at", LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        params.put("instant", Instant.parse("2024-01-02T03:04:05Z"));
        params.put("zoned", ZonedDateTime.of(2024, 1, 2, 4, 4, 5, 0, ZoneId.of("Europe/Paris")));
        params.put("day", LocalDate.of(2024, 1, 2));
        params.put("chains", List.of("ethereum", "base"));
        Exchange done = template.send("direct:bare", e -> {
            e.getMessage().setHeader(DuneConstants.QUERY_ID, 5001);
            e.getMessage().setHeader(DuneConstants.QUERY_PARAMETERS, params);
        });
        assertThat(done.getException()).isNull();
        String body = onlyRequest().body();
        assertThat(body)
                .contains("\"count\":42,")
                .contains("\"ratio\":0.25,")
                .contains("\"big\":12345678901234567890.5,")
                .contains("\"label\":\"text\"")
                .contains("\"at\":\"2024-01-02 03:04:05\"")
                .contains("\"instant\":\"2024-01-02 03:04:05\"")
                .contains("\"zoned\":\"2024-01-02 03:04:05\"")
                .contains("\"day\":\"2024-01-02 00:00:00\"")
                .contains("\"chains\":[\"ethereum\",\"base\"]");
        assertThat(done.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class))
                .as("the emulator accepted every value")
                .isNotNull();
    }

    @Test
    void anEmptyBodyMeansNoParameters() throws Exception {
        template.sendBodyAndHeader("direct:bare", "  ", DuneConstants.QUERY_ID, 1001);
        assertThat(json(onlyRequest().body()).get("query_parameters")).isEqualTo(Map.of());
    }

    @Test
    void theStateHeaderIsDunesSpelling() {
        Exchange done = template.request("direct:uri", e -> {});
        assertThat(ExecutionState.of(done.getMessage().getHeader(DuneConstants.STATE, String.class))
                        .isKnown())
                .isTrue();
    }
}

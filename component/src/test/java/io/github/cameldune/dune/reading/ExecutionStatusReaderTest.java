package io.github.cameldune.dune.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.model.ExecutionError;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ExecutionTimes;
import io.github.cameldune.dune.model.ResultMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The status reader reads every field the record's annotations write, and reads any answer as databind would with the
 * annotations alone.
 */
@Timeout(120)
class ExecutionStatusReaderTest {

    /** Databind with the annotations alone: the tuned read path switched off. */
    private static final ObjectMapper DATABIND = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void everyFieldWrittenIsRead() throws Exception {
        Instant t = Instant.parse("2024-12-20T11:04:18.724658237Z");
        ExecutionStatus full = new ExecutionStatus(
                "01HKZJ2683PHF9Q9PHHQ8FW4Q1",
                1005L,
                ExecutionState.FAILED,
                true,
                new ExecutionTimes(t, t.plusSeconds(1), t.plusSeconds(2), t.plusSeconds(3), t.plusSeconds(4)),
                7,
                new ResultMetadata(List.of("a"), List.of("bigint"), 1L, 8L, 1L, 8L, 1L, 5L, 100L),
                new ExecutionError("FAILED_TYPE_EXECUTION_FAILED", "boom", null),
                new BigDecimal("10.5"));
        JsonNode written = Json.MAPPER.valueToTree(full);
        // Dune's fields, and no other (isFinished() is not one)
        assertThat(fieldNames(written)).as("every field is written").isEqualTo(annotatedNames());
        assertThat(Json.MAPPER.treeToValue(written, ExecutionStatus.class)).isEqualTo(full);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"execution_id\":\"01HKZJ2683PHF9Q9PHHQ8FW4Q1\",\"state\":\"QUERY_STATE_PENDING\",\"queue_position\":3,"
                        + "\"submitted_at\":\"2024-12-20T11:04:18Z\",\"later\":{\"x\":[1,2]}}",
                "{\"execution_id\":\"e\",\"query_id\":\"1005\",\"state\":\"query_state_canceled\","
                        + "\"is_execution_finished\":\"true\",\"execution_cost_credits\":\"2.25\"}",
                "{\"execution_id\":null,\"query_id\":null,\"state\":null,\"result_metadata\":null,\"error\":null}",
                "{\"state\":\"QUERY_STATE_COMPLETED\",\"execution_ended_at\":1734692658,\"execution_cost_credits\":3,"
                        + "\"result_metadata\":{\"column_names\":[\"n\"],\"row_count\":1}}",
                "{}"
            })
    void readsAnyAnswerAsDatabindWould(String json) throws Exception {
        assertThat(Json.MAPPER.readValue(json, ExecutionStatus.class))
                .isEqualTo(DATABIND.readValue(json, ExecutionStatus.class));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The JSON names of the record's components, the times' own in place of the unwrapped times. */
    private static Set<String> annotatedNames() {
        Set<String> names = new HashSet<>();
        Stream.of(ExecutionStatus.class.getRecordComponents(), ExecutionTimes.class.getRecordComponents())
                .flatMap(Stream::of)
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class))
                .filter(p -> p != null)
                .forEach(p -> names.add(p.value()));
        return names;
    }
}

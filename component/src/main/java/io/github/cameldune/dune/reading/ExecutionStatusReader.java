package io.github.cameldune.dune.reading;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.cameldune.dune.model.ExecutionError;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ExecutionTimes;
import io.github.cameldune.dune.model.ResultMetadata;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads a status field by field. It is the answer camel-dune reads most (every poll of every wait), and databind's
 * way through a record with unwrapped times took about five times as long on the HTTP client's I/O thread. The field
 * names are those of {@link ExecutionStatus}'s annotations, which still write it; a round trip in the tests keeps the
 * two the same. A value of an unexpected JSON type goes to databind, so what is accepted, and how it fails, does not
 * change; unknown fields are skipped.
 */
final class ExecutionStatusReader extends StdDeserializer<ExecutionStatus> implements ResolvableDeserializer {

    private transient JsonDeserializer<Object> instants;
    private transient JsonDeserializer<Object> metadata;
    private transient JsonDeserializer<Object> errors;

    ExecutionStatusReader() {
        super(ExecutionStatus.class);
    }

    /** Finds the readers of the nested values once: looked up at every value, they cost more than the reading. */
    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        instants = ctxt.findRootValueDeserializer(ctxt.constructType(Instant.class));
        metadata = ctxt.findRootValueDeserializer(ctxt.constructType(ResultMetadata.class));
        errors = ctxt.findRootValueDeserializer(ctxt.constructType(ExecutionError.class));
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    public ExecutionStatus deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken() == JsonToken.START_OBJECT ? p.nextToken() : p.currentToken();
        if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (ExecutionStatus) ctxt.handleUnexpectedToken(ExecutionStatus.class, p);
        }
        String executionId = null;
        Long queryId = null;
        ExecutionState state = null;
        Boolean finished = null;
        Instant submitted = null;
        Instant expires = null;
        Instant started = null;
        Instant ended = null;
        Instant cancelled = null;
        Integer queuePosition = null;
        ResultMetadata resultMetadata = null;
        ExecutionError error = null;
        BigDecimal cost = null;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "execution_id" ->
                    executionId = value == JsonToken.VALUE_STRING ? p.getText() : ctxt.readValue(p, String.class);
                case "query_id" ->
                    queryId = value == JsonToken.VALUE_NUMBER_INT
                            ? Long.valueOf(p.getLongValue())
                            : ctxt.readValue(p, Long.class);
                case "state" ->
                    state = value == JsonToken.VALUE_STRING
                            ? ExecutionState.of(p.getText())
                            : ctxt.readValue(p, ExecutionState.class);
                case "is_execution_finished" ->
                    finished = value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE
                            ? Boolean.valueOf(value == JsonToken.VALUE_TRUE)
                            : ctxt.readValue(p, Boolean.class);
                case "submitted_at" -> submitted = (Instant) instants.deserialize(p, ctxt);
                case "expires_at" -> expires = (Instant) instants.deserialize(p, ctxt);
                case "execution_started_at" -> started = (Instant) instants.deserialize(p, ctxt);
                case "execution_ended_at" -> ended = (Instant) instants.deserialize(p, ctxt);
                case "cancelled_at" -> cancelled = (Instant) instants.deserialize(p, ctxt);
                case "queue_position" ->
                    queuePosition = value == JsonToken.VALUE_NUMBER_INT
                            ? Integer.valueOf(p.getIntValue())
                            : ctxt.readValue(p, Integer.class);
                case "result_metadata" -> resultMetadata = (ResultMetadata) metadata.deserialize(p, ctxt);
                case "error" -> error = (ExecutionError) errors.deserialize(p, ctxt);
                case "execution_cost_credits" ->
                    cost = value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT
                            ? p.getDecimalValue()
                            : ctxt.readValue(p, BigDecimal.class);
                default -> p.skipChildren();
            }
        }
        return new ExecutionStatus(
                executionId,
                queryId,
                state,
                finished,
                new ExecutionTimes(submitted, expires, started, ended, cancelled),
                queuePosition,
                resultMetadata,
                error,
                cost);
    }
}

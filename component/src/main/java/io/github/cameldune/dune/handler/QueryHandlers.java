package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The handlers of query management: the query id from header or option, Dune's fields from the body (a {@code Map} or
 * a JSON object as text); the message gets the query id, and {@code getQuery} the query as its body.
 */
final class QueryHandlers {

    private QueryHandlers() {}

    /** {@code dune:createQuery}: the body's fields must hold a name and query_sql; the body becomes the new id. */
    static OperationHandler createQuery(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            Map<String, Object> fields = fields(in);
            for (String required : new String[] {"name", "query_sql"}) {
                if (!(fields.get(required) instanceof String text) || text.isBlank()) {
                    throw new DuneInvalidInputException("A query to create needs " + required + " in the body");
                }
            }
            return calls.client.queries().createQuery(fields).thenAccept(id -> answered(in, id));
        };
    }

    /** {@code dune:getQuery}: the body becomes the {@link io.github.cameldune.dune.model.DuneQuery}. */
    static OperationHandler getQuery(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            return calls.client
                    .queries()
                    .getQuery(MessageInput.queryId(in, calls.config))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:updateQuery}: the body's fields set, the others untouched. */
    static OperationHandler updateQuery(Calls calls) {
        return exchange -> {
            Message in = exchange.getMessage();
            long queryId = MessageInput.queryId(in, calls.config);
            Map<String, Object> fields = fields(in);
            if (fields.isEmpty()) {
                throw new DuneInvalidInputException("An update of query " + queryId + " needs fields in the body");
            }
            return calls.client.queries().updateQuery(queryId, fields).thenAccept(id -> answered(in, id));
        };
    }

    /** {@code dune:archiveQuery}, {@code unarchiveQuery}, {@code makePrivate}, {@code makePublic}. */
    static OperationHandler state(Calls calls, DuneCall call) {
        return exchange -> {
            Message in = exchange.getMessage();
            return calls.client
                    .queries()
                    .setState(MessageInput.queryId(in, calls.config), call)
                    .thenAccept(id -> answered(in, id));
        };
    }

    private static void answered(Message in, long queryId) {
        in.setHeader(DuneConstants.QUERY_ID, queryId);
        in.setBody(queryId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Message in) {
        Object body = in.getBody();
        if (body instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return fields;
        }
        if (body instanceof String text && !text.isBlank()) {
            try {
                return Json.MAPPER.readValue(text, LinkedHashMap.class);
            } catch (IOException e) {
                throw new DuneInvalidInputException("The body is not a JSON object of query fields", e);
            }
        }
        throw new DuneInvalidInputException("The body must be the query's fields: a Map or a JSON object, not "
                + (body == null ? "empty" : body.getClass().getName()));
    }
}

package io.github.cameldune.dune.handler;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.QueryDraft;
import java.io.IOException;
import java.util.Map;
import org.apache.camel.Message;

/**
 * The handlers of query management: the query id from header or option, Dune's fields from the body (a
 * {@link QueryDraft}, a {@code Map} or a JSON object as text); the message gets the query id, and {@code getQuery} the
 * query as its body.
 */
final class QueryHandlers {

    private static final ObjectReader DRAFTS =
            Json.MAPPER.readerFor(QueryDraft.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private QueryHandlers() {}

    /** {@code dune:createQuery}: the body's fields must hold a name and query_sql; the body becomes the new id. */
    static OperationHandler createQuery(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            QueryDraft draft = draft(in);
            if (draft.name() == null || draft.name().isBlank()) {
                throw new DuneInvalidInputException("A query to create needs a name in the body");
            }
            if (draft.querySql() == null || draft.querySql().isBlank()) {
                throw new DuneInvalidInputException("A query to create needs query_sql in the body");
            }
            return context.client().queries().createQuery(draft).thenAccept(id -> answered(in, id));
        };
    }

    /** {@code dune:getQuery}: the body becomes the {@link io.github.cameldune.dune.model.DuneQuery}. */
    static OperationHandler getQuery(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .queries()
                    .getQuery(MessageInput.queryId(in, context.config()))
                    .thenAccept(in::setBody);
        };
    }

    /** {@code dune:updateQuery}: the body's fields set, the others untouched. */
    static OperationHandler updateQuery(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            long queryId = MessageInput.queryId(in, context.config());
            QueryDraft draft = draft(in);
            if (draft.equals(new QueryDraft(null, null, null, null, null, null))) {
                throw new DuneInvalidInputException("An update of query " + queryId + " needs fields in the body");
            }
            return context.client().queries().updateQuery(queryId, draft).thenAccept(id -> answered(in, id));
        };
    }

    /** {@code dune:archiveQuery}, {@code unarchiveQuery}, {@code makePrivate}, {@code makePublic}. */
    static OperationHandler state(EndpointContext context, DuneCall call) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .queries()
                    .setState(MessageInput.queryId(in, context.config()), call)
                    .thenAccept(id -> answered(in, id));
        };
    }

    private static void answered(Message in, long queryId) {
        in.setHeader(DuneConstants.QUERY_ID, queryId);
        in.setBody(queryId);
    }

    /**
     * The body as a draft: a {@link QueryDraft}, or a {@code Map} or JSON object with Dune's field names read into
     * one, so an unknown field or a wrong type is named before anything is sent.
     */
    private static QueryDraft draft(Message in) {
        Object body = in.getBody();
        String text = body instanceof QueryDraft || body instanceof Map<?, ?> ? null : MessageInput.text(in);
        try {
            if (body instanceof QueryDraft draft) {
                return draft.checked();
            }
            if (body instanceof Map<?, ?> map) {
                return DRAFTS.<QueryDraft>readValue(
                                (com.fasterxml.jackson.databind.JsonNode) Json.MAPPER.valueToTree(map))
                        .checked();
            }
            if (text != null && !text.isBlank()) {
                return DRAFTS.<QueryDraft>readValue(text).checked();
            }
        } catch (UnrecognizedPropertyException e) {
            throw new DuneInvalidInputException(
                    "Unknown query field '" + e.getPropertyName() + "': expected "
                            + "name, query_sql, description, parameters, tags, is_private or is_temp",
                    e);
        } catch (IOException | IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof DuneInvalidInputException invalid ? invalid : e;
            throw new DuneInvalidInputException("The body is not a query's fields: " + cause.getMessage(), e);
        }
        throw new DuneInvalidInputException((body == null || text != null
                        ? "The body is empty"
                        : "The body is a " + body.getClass().getName())
                + ": it must be the query's fields, as a QueryDraft, a Map, or a JSON object as text, bytes, a "
                + "stream or a file, such as {\"name\": \"...\", \"query_sql\": \"select ...\"}");
    }
}

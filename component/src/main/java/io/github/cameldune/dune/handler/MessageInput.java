package io.github.cameldune.dune.handler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.OptionChecks;
import io.github.cameldune.dune.client.DuneUploads;
import io.github.cameldune.dune.client.Json;
import io.github.cameldune.dune.client.ResultOptions;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.model.TableColumn;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads one message's input: each value from its {@code CamelDune*} header, else the body where that applies, else the
 * endpoint option. Anything that cannot become a request fails here, before a request (and a credit) is spent.
 */
final class MessageInput {

    private MessageInput() {}

    /** The query id: header, then option; it must be a positive number. */
    static long queryId(Message message, DuneConfiguration config) {
        Object header = message.getHeader(DuneConstants.QUERY_ID);
        Object value = header != null ? header : config.getQueryId();
        if (value == null) {
            throw new DuneInvalidInputException(
                    "No query id: set queryId on the endpoint or the " + DuneConstants.QUERY_ID + " header");
        }
        long id;
        if (value instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof Short)) {
            id = n.longValue();
        } else {
            try {
                id = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new DuneInvalidInputException("The query id must be a positive number, was '" + value + "'");
            }
        }
        if (id <= 0) {
            throw new DuneInvalidInputException("The query id must be a positive number, was " + id);
        }
        return id;
    }

    /**
     * The request key of the journal: the header, then the requestKey expression, then a Kafka record's
     * topic-partition@offset (the same on every redelivery of the record), then the message id.
     */
    static String requestKey(Message message, DuneConfiguration config) {
        String key = message.getHeader(DuneConstants.REQUEST_KEY, String.class);
        if (key == null && config.getRequestKey() != null) {
            try {
                key = message.getExchange()
                        .getContext()
                        .resolveLanguage("simple")
                        .createExpression(config.getRequestKey())
                        .evaluate(message.getExchange(), String.class);
            } catch (RuntimeException e) {
                throw new DuneInvalidInputException(
                        "The requestKey '" + config.getRequestKey() + "' could not be evaluated: " + e.getMessage(), e);
            }
        }
        Object topic = message.getHeader("CamelKafkaTopic");
        if (key == null && topic != null && message.getHeader("CamelKafkaOffset") != null) {
            key = topic + "-" + message.getHeader("CamelKafkaPartition") + "@" + message.getHeader("CamelKafkaOffset");
        }
        if (key == null) {
            key = message.getMessageId();
        }
        if (key == null || key.isBlank()) {
            throw new DuneInvalidInputException("The request key is empty: set the " + DuneConstants.REQUEST_KEY
                    + " header or a requestKey that gives a value"
                    + (config.getRequestKey() == null
                            ? ""
                            : " (requestKey '" + config.getRequestKey() + "' gave none)"));
        }
        return key;
    }

    /** The execution id: header, then option, then a String body; it must look like a Dune execution id (a ULID). */
    static String executionId(Message message, DuneConfiguration config) {
        Object value = message.getHeader(DuneConstants.EXECUTION_ID);
        if (value == null) {
            value = config.getExecutionId();
        }
        if (value == null
                && message.getBody() instanceof CharSequence body
                && !body.toString().isBlank()) {
            value = body;
        }
        if (value == null) {
            throw new DuneInvalidInputException("No execution id: set the " + DuneConstants.EXECUTION_ID
                    + " header, the executionId option, or a String body");
        }
        return OptionChecks.executionId(
                message.getHeader(DuneConstants.EXECUTION_ID) != null
                        ? DuneConstants.EXECUTION_ID + " header"
                        : config.getExecutionId() != null ? "executionId" : "the body",
                value.toString());
    }

    /** The SQL: header, then option, then (when allowed) a String body; null when there is none. */
    static String sql(Message message, DuneConfiguration config, boolean fromBody) {
        String sql = message.getHeader(DuneConstants.SQL, String.class);
        if (sql == null) {
            sql = config.getSql();
        }
        if (sql == null && fromBody && message.getBody() != null) {
            sql = message.getBody(String.class);
        }
        return sql == null || sql.isBlank() ? null : sql;
    }

    /** The results options: each header over its option. */
    static ResultOptions resultOptions(Message message, DuneConfiguration config) {
        Integer limit = header(message, DuneConstants.LIMIT, Integer.class, config.getLimit());
        Long offset = header(message, DuneConstants.OFFSET, Long.class, config.getOffset());
        Integer sampleCount = header(message, DuneConstants.SAMPLE_COUNT, Integer.class, config.getSampleCount());
        // the same rules as the options, for values that arrive with the message
        if (limit != null) {
            OptionChecks.atLeast(DuneConstants.LIMIT, limit, 1);
        }
        if (offset != null) {
            OptionChecks.atLeast(DuneConstants.OFFSET, offset, 0);
        }
        if (sampleCount != null) {
            OptionChecks.atLeast(DuneConstants.SAMPLE_COUNT, sampleCount, 1);
        }
        return new ResultOptions(
                limit,
                offset,
                header(message, DuneConstants.COLUMNS, String.class, config.getColumns()),
                header(message, DuneConstants.FILTERS, String.class, config.getFilters()),
                header(message, DuneConstants.SORT_BY, String.class, config.getSortBy()),
                sampleCount,
                config.isAllowPartialResults(),
                config.isIgnoreMaxDatapointsPerRequest());
    }

    /** A header of a type, or the fallback when it is not set; a value that is not of the type is bad input. */
    static <T> T header(Message message, String name, Class<T> type, T fallback) {
        Object raw = message.getHeader(name);
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof CharSequence text
                && (text.toString().indexOf('\r') >= 0 || text.toString().indexOf('\n') >= 0)) {
            throw new DuneInvalidInputException("The " + name + " header must not contain line breaks");
        }
        try {
            T value = message.getHeader(name, type);
            if (value == null) {
                throw new IllegalArgumentException("no conversion");
            }
            return value;
        } catch (RuntimeException e) {
            throw new DuneInvalidInputException("The " + name + " header must be a " + type.getSimpleName() + ", was '"
                    + abbreviate(raw.toString()) + "'");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    /** The performance tier (header, then option) in lower case, or null to send none. */
    static String performance(Message message, DuneConfiguration config) {
        Object value = message.getHeader(DuneConstants.PERFORMANCE);
        return value != null
                ? OptionChecks.performance(DuneConstants.PERFORMANCE + " header", value.toString())
                : OptionChecks.performance("performance", config.getPerformance());
    }

    /** Query parameters merged by name: the header over the body over the {@code param.*} options. */
    static Map<String, Object> queryParameters(Message message, DuneConfiguration config) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (config.getQueryParameters() != null) {
            merged.putAll(config.getQueryParameters());
        }
        merged.putAll(bodyParameters(message));
        Object header = message.getHeader(DuneConstants.QUERY_PARAMETERS);
        if (header != null) {
            if (!(header instanceof Map<?, ?> map)) {
                throw new DuneInvalidInputException(
                        "The " + DuneConstants.QUERY_PARAMETERS + " header must be a Map of parameter values, was a "
                                + header.getClass().getName());
            }
            merged.putAll(stringKeys(map));
        }
        return merged;
    }

    /**
     * The body as text when it is text, bytes, a stream, a reader or a file (a stream is read once, and its text kept
     * on the message so a failed exchange loses nothing); null for any other body.
     */
    static String text(Message message) {
        Object body = message.getBody();
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        if (body instanceof byte[]
                || body instanceof InputStream
                || body instanceof Reader
                || body instanceof StreamCache
                || body instanceof WrappedFile
                || body instanceof ByteBuffer
                || body instanceof java.io.File
                || body instanceof java.nio.file.Path) {
            String text = message.getBody(String.class);
            message.setBody(text);
            return text;
        }
        return null;
    }

    /** The namespace of a table (header, then option): the handle of the API key's user or team. */
    static String namespace(Message in, DuneConfiguration config) {
        String namespace = in.getHeader(DuneConstants.NAMESPACE, config.getNamespace(), String.class);
        if (namespace == null || namespace.isBlank()) {
            throw new DuneInvalidInputException("No namespace: set namespace (the handle of the API key's user or "
                    + "team) or the " + DuneConstants.NAMESPACE + " header");
        }
        return namespace.trim();
    }

    /** A table's name (header, then option), as Dune takes it. */
    static String tableName(Message in, DuneConfiguration config) {
        String table = in.getHeader(DuneConstants.TABLE_NAME, config.getTableName(), String.class);
        if (table == null || !DuneUploads.TABLE_NAME.matcher(table.trim()).matches()) {
            throw new DuneInvalidInputException("Invalid table name '" + table + "': set tableName or the "
                    + DuneConstants.TABLE_NAME + " header to " + DuneUploads.TABLE_NAME_RULE);
        }
        return table.trim();
    }

    /** A table's columns: the schema option, else the body as a list of columns or their text. */
    static List<TableColumn> schema(Message in, DuneConfiguration config) {
        if (config.getSchema() != null) {
            return TableColumn.parseSchema("schema", config.getSchema());
        }
        Object body = in.getBody();
        if (body instanceof List<?> list && !list.isEmpty()) {
            return list.stream()
                    .map(c -> c instanceof TableColumn column ? column : Json.MAPPER.convertValue(c, TableColumn.class))
                    .toList();
        }
        String text = text(in);
        if (text != null && !text.isBlank()) {
            return TableColumn.parseSchema("body", text);
        }
        throw new DuneInvalidInputException("No schema: set schema (e.g. id:integer!,amount:double), or send the "
                + "columns as the body: a List of TableColumn or of maps (name, type, nullable), or text such as "
                + "id:integer!,amount:double");
    }

    /**
     * The body of a write to a table as rows (a list or an iterator of maps) or something to read: a String, bytes, an
     * InputStream, a File or a Path; Camel's file bodies, stream caches, readers and buffers become one of these.
     */
    static Object uploadBody(Message message) {
        Object body = message.getBody();
        if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof java.io.File file) {
            return file;
        }
        if (body instanceof WrappedFile<?>
                || body instanceof StreamCache
                || body instanceof Reader
                || body instanceof ByteBuffer) {
            return message.getBody(InputStream.class);
        }
        return body;
    }

    /** Parameters from the body: a Map, a JSON object as text, bytes or a stream, or an object with properties. */
    private static Map<String, Object> bodyParameters(Message message) {
        Object body = message.getBody();
        if (body == null) {
            return Map.of();
        }
        if (body instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        String text = text(message);
        if (text != null) {
            return parseJsonObject(text);
        }
        try {
            JsonNode node = Json.MAPPER.valueToTree(body);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return stringKeys(Json.MAPPER.convertValue(node, Map.class));
        } catch (IllegalArgumentException e) {
            throw new DuneInvalidInputException(
                    "The message body (" + body.getClass().getName()
                            + ") cannot be query parameters: send a Map, a JSON object, or an object with properties",
                    e);
        }
    }

    private static Map<String, Object> parseJsonObject(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw new DuneInvalidInputException("The message body must be a JSON object of query parameters, "
                        + "was a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return stringKeys(Json.MAPPER.convertValue(node, Map.class));
        } catch (JsonProcessingException e) {
            throw new DuneInvalidInputException(
                    "The message body is not a JSON object of query parameters: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null) {
                throw new DuneInvalidInputException("A query parameter has no name");
            }
            out.put(k.toString(), v);
        });
        return out;
    }
}

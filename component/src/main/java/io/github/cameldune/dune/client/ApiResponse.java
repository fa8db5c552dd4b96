package io.github.cameldune.dune.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.cameldune.dune.model.ResultPage;
import io.github.cameldune.dune.reading.ReadPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/**
 * One answer from Dune: its status line and headers, and its body in chunks (empty when there was none), with what is
 * read from it: the JSON body as a model, Dune's error text, and how long Dune asked to wait.
 */
final class ApiResponse {

    private static final int MAX_ERROR_TEXT = 300;
    private static final long MAX_RETRY_AFTER_SECONDS = Duration.ofDays(7).toSeconds();
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Pattern RATE_LIMIT_RESET = Pattern.compile(";\\s*t\\s*=\\s*(\\d{1,9})");

    private final ApiRequest request;
    private final HttpResponse head;
    private final ChunkedBody body;

    ApiResponse(ApiRequest request, HttpResponse head, ChunkedBody body) {
        this.request = request;
        this.head = head;
        this.body = body == null ? ChunkedBody.of(new byte[0]) : body;
    }

    int code() {
        return head.getCode();
    }

    boolean isSuccess() {
        return code() >= 200 && code() < 300;
    }

    /** A header's value, or null. */
    String header(String name) {
        Header h = head.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    ChunkedBody body() {
        return body;
    }

    /** The body as a JSON object of the given type. */
    <T> T read(Class<T> type) {
        return parse(() -> Json.MAPPER.readValue(body.stream(), type));
    }

    /** The body as a page of results whose rows are read again, one at a time, as they are taken. */
    ResultPage readStreamed() {
        return parse(() -> ReadPath.streamed(Json.MAPPER, body::stream));
    }

    private <T> T parse(Parse<T> parse) {
        if (body.length() == 0) {
            throw unreadable("empty answer where JSON was expected", null);
        }
        try {
            T value = parse.parse();
            if (value == null || value instanceof JsonNode node && !node.isObject()) {
                throw unreadable("answer is not a JSON object", null);
            }
            return value;
        } catch (IOException e) {
            throw unreadable("unreadable answer: " + e.getClass().getSimpleName(), e);
        }
    }

    private interface Parse<T> {
        T parse() throws IOException;
    }

    /** Fails as an unreadable answer unless the fields were present. */
    void require(boolean present, String fields) {
        if (!present) {
            throw unreadable("answer without " + fields, null);
        }
    }

    /** An answer that came back 2xx but cannot be used. */
    RuntimeException unreadable(String why, Throwable cause) {
        return Failures.unreadable(request, code(), why, cause);
    }

    /**
     * Dune's {@code error} text (or {@code message}, which the CSV upload's 400 carries instead), or a short, clean
     * description of whatever else came back.
     */
    String errorText() {
        String text = body.text(MAX_ERROR_BODY);
        if (text.isBlank()) {
            return head.getReasonPhrase();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            for (String field : new String[] {"error", "message"}) {
                if (json != null && json.path(field).isTextual()) {
                    return json.get(field).asText();
                }
            }
        } catch (JsonProcessingException e) {
            // not JSON: an HTML error page from a proxy, for instance
        }
        String clean = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return "unexpected answer: "
                + (clean.length() > MAX_ERROR_TEXT ? clean.substring(0, MAX_ERROR_TEXT) + "..." : clean);
    }

    /**
     * How long Dune asked to wait: {@code Retry-After} (seconds or an HTTP date), else on a 429 the reset of its
     * {@code RateLimit} header ({@code "read";r=0;t=12}), else null.
     */
    Duration retryAfter() {
        String value = header("Retry-After");
        if (value == null) {
            return code() == 429 ? rateLimitReset(header("RateLimit")) : null;
        }
        try {
            // a week at most: a larger value is a broken header, and must not overflow the arithmetic of a delay
            return Duration.ofSeconds(Math.min(Math.max(0, Long.parseLong(value.trim())), MAX_RETRY_AFTER_SECONDS));
        } catch (NumberFormatException e) {
            Instant at = DateUtils.parseStandardDate(value.trim());
            if (at == null) {
                return null;
            }
            // a date years away is as broken as a huge number of seconds: the same cap
            Duration wait = Duration.between(Instant.now(), at);
            return wait.isNegative()
                    ? Duration.ZERO
                    : wait.compareTo(Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS)) > 0
                            ? Duration.ofSeconds(MAX_RETRY_AFTER_SECONDS)
                            : wait;
        }
    }

    /** The {@code t=} seconds of a {@code RateLimit} header (IETF draft, as Dune sends it), or null. */
    static Duration rateLimitReset(String header) {
        Matcher m = header == null ? null : RATE_LIMIT_RESET.matcher(header);
        return m != null && m.find()
                ? Duration.ofSeconds(Math.min(Long.parseLong(m.group(1)), MAX_RETRY_AFTER_SECONDS))
                : null;
    }
}

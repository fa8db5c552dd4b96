package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.client.DuneCall;
import java.time.Duration;
import org.apache.camel.spi.HttpResponseAware;

/**
 * A call to the Dune API that did not succeed. It names the call, the query and execution ids, the HTTP status and
 * Dune's own {@code error} text. Subclasses tell apart the kinds routes handle differently, for {@code onException}:
 * {@link DuneAuthenticationException} (401: the key), {@link DunePaymentRequiredException} (402: out of credits),
 * {@link DuneNotFoundException} (404), {@link DuneRateLimitException} (429: wait and redeliver),
 * {@link DuneServerException} (5xx: an execute may exist anyway) and {@link DuneConnectionException} (no answer at
 * all: the same). Any other status (a 400 Dune refused, a 403 for an archived query) is a {@code DuneApiException}
 * itself, with {@link #getHttpResponseCode()}.
 */
public class DuneApiException extends DuneException implements HttpResponseAware {

    /**
     * What went wrong, in one value.
     *
     * @param call        the API call
     * @param queryId     the query id, or null
     * @param executionId the execution id, or null
     * @param httpStatus  the HTTP status, 0 when no answer came
     * @param duneError   Dune's {@code error} text, or a description of the unexpected answer
     * @param retryAfter  how long Dune asked to wait ({@code Retry-After}), or null
     */
    public record Failure(
            DuneCall call, Long queryId, String executionId, int httpStatus, String duneError, Duration retryAfter) {

        /** The same failure with a note added to its description. */
        public Failure withNote(String note) {
            return new Failure(call, queryId, executionId, httpStatus, duneError + note, retryAfter);
        }
    }

    private final Failure failure;
    private int httpStatus;

    /** An exception for a failure, with its cause when there is one; see {@link #of} for the right subclass. */
    public DuneApiException(Failure failure, Throwable cause) {
        this(failure, message(failure), cause);
    }

    /** An exception with its own message (which must not hold the key). */
    protected DuneApiException(Failure failure, String message, Throwable cause) {
        super(message, cause, failure.call().operationName(), failure.queryId(), failure.executionId());
        this.failure = failure;
        this.httpStatus = failure.httpStatus();
    }

    /** The exception of the right kind for a failure's HTTP status. */
    public static DuneApiException of(Failure failure, Throwable cause) {
        int status = failure.httpStatus();
        return switch (status) {
            case 0 -> new DuneConnectionException(failure, cause);
            case 401 -> new DuneAuthenticationException(failure, cause);
            case 402 -> new DunePaymentRequiredException(failure, cause);
            case 404 -> new DuneNotFoundException(failure, cause);
            case 429 -> new DuneRateLimitException(failure, cause);
            default -> status >= 500 ? new DuneServerException(failure, cause) : new DuneApiException(failure, cause);
        };
    }

    private static String message(Failure f) {
        StringBuilder m = new StringBuilder("Dune ").append(f.call().operationName());
        m.append(f.httpStatus() == 0 ? " got no answer" : " failed with HTTP " + f.httpStatus());
        m.append(ids(f.queryId(), f.executionId()));
        if (f.duneError() != null && !f.duneError().isEmpty()) {
            m.append(": ").append(f.duneError());
        }
        return m.toString();
    }

    /**
     * Whether the same request may succeed if sent again later: no answer came, Dune was rate limiting (429), or it
     * failed in a way that passes (500, 502, 503, 504). The retry policy, the waiter and the health check all ask this.
     */
    @Override
    public boolean isTransient() {
        return httpStatus == 0
                || httpStatus == 429
                || httpStatus == 500
                || httpStatus == 502
                || httpStatus == 503
                || httpStatus == 504;
    }

    /**
     * Whether Dune certainly did nothing with the request: it refused it (a 4xx other than 408, 429 included) or it
     * never left this machine. A write may be sent again without the risk of doing it twice only then (and only a
     * transient one is: a 429).
     */
    @Override
    public boolean isNothingDone() {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 408;
    }

    /** Everything known about the failure. */
    public Failure getFailure() {
        return failure;
    }

    /** The API call that failed. */
    public DuneCall getCall() {
        return failure.call();
    }

    /** Dune's {@code error} text (or what was wrong with the answer). */
    public String getDuneError() {
        return failure.duneError();
    }

    /** The HTTP status, 0 when no answer came. */
    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return failure.duneError();
    }

    @Override
    public void setHttpResponseStatus(String status) {
        // the status text is Dune's error message, which stays as received
    }
}

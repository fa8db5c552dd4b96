package io.github.cameldune.dune.exception;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

import io.github.cameldune.dune.model.ExecutionState;

/**
 * A call to the Dune API that did not succeed. It names the operation, the query and execution ids, the HTTP status
 * and Dune's own {@code error} text, and never the API key. Subclasses tell the kinds apart for
 * {@code onException}: {@link DuneBadRequestException} (400), {@link DuneAuthenticationException} (401),
 * {@link DunePaymentRequiredException} (402), {@link DuneForbiddenException} (403), {@link DuneNotFoundException} (404),
 * {@link DuneRateLimitException} (429), {@link DuneServerException} (5xx) and {@link DuneConnectionException} (no
 * answer at all). {@link DuneExecutionException} and its subclasses report an execution that ended badly, or not in
 * time.
 */
public class DuneApiException extends RuntimeCamelException implements HttpResponseAware {

    /**
     * What went wrong, in one value.
     *
     * @param operation   the camel-dune operation, e.g. {@code execute}
     * @param queryId     the query id, or null
     * @param executionId the execution id, or null
     * @param httpStatus  the HTTP status, 0 when no answer came
     * @param duneError   Dune's {@code error} text, or a description of the unexpected answer
     * @param retryAfter  how long Dune asked to wait ({@code Retry-After}), or null
     * @param state       the execution's last known state, or null
     */
    public record Failure(String operation, Long queryId, String executionId, int httpStatus, String duneError,
            Duration retryAfter, ExecutionState state) {

        /** A failure of a call, with no execution state. */
        public Failure(String operation, Long queryId, String executionId, int httpStatus, String duneError,
                Duration retryAfter) {
            this(operation, queryId, executionId, httpStatus, duneError, retryAfter, null);
        }
    }

    private final Failure failure;
    private int httpStatus;

    /** An exception for a failure, with its cause when there is one. */
    public DuneApiException(Failure failure, Throwable cause) {
        this(failure, message(failure), cause);
    }

    /** An exception with its own message (which must not hold the key). */
    protected DuneApiException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.httpStatus = failure.httpStatus();
    }

    /** The exception of the right kind for an HTTP status. */
    public static DuneApiException of(Failure failure, Throwable cause) {
        int status = failure.httpStatus();
        if (status == 0) {
            return new DuneConnectionException(failure, cause);
        }
        return switch (status) {
            case 400 -> new DuneBadRequestException(failure, cause);
            case 401 -> new DuneAuthenticationException(failure, cause);
            case 402 -> new DunePaymentRequiredException(failure, cause);
            case 403 -> new DuneForbiddenException(failure, cause);
            case 404 -> new DuneNotFoundException(failure, cause);
            case 429 -> new DuneRateLimitException(failure, cause);
            default -> status >= 500 ? new DuneServerException(failure, cause) : new DuneApiException(failure, cause);
        };
    }

    private static String message(Failure f) {
        StringBuilder m = new StringBuilder("Dune ").append(f.operation());
        if (f.httpStatus() == 0) {
            m.append(" got no answer");
        } else {
            m.append(" failed with HTTP ").append(f.httpStatus());
        }
        m.append(ids(f));
        if (f.duneError() != null && !f.duneError().isEmpty()) {
            m.append(": ").append(f.duneError());
        }
        return m.toString();
    }

    /** The ids of a failure as {@code " (queryId=1, executionId=01...)"}, or an empty string. */
    protected static String ids(Failure f) {
        if (f.queryId() == null && f.executionId() == null) {
            return "";
        }
        StringBuilder m = new StringBuilder(" (");
        if (f.queryId() != null) {
            m.append("queryId=").append(f.queryId());
        }
        if (f.executionId() != null) {
            m.append(f.queryId() != null ? ", " : "").append("executionId=").append(f.executionId());
        }
        return m.append(')').toString();
    }

    /** Everything known about the failure. */
    public Failure getFailure() {
        return failure;
    }

    /** The camel-dune operation that failed, e.g. {@code execute}. */
    public String getOperation() {
        return failure.operation();
    }

    /** The query id of the failed call, or null. */
    public Long getQueryId() {
        return failure.queryId();
    }

    /** The execution id of the failed call, or null. */
    public String getExecutionId() {
        return failure.executionId();
    }

    /** The execution's last known state, or null when the failure is not about an execution's outcome. */
    public ExecutionState getState() {
        return failure.state();
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

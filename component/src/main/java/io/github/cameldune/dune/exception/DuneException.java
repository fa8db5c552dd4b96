package io.github.cameldune.dune.exception;

import org.apache.camel.RuntimeCamelException;

/**
 * Every failure camel-dune raises, so that {@code onException(DuneException.class)} catches them all. Three branches
 * tell the kinds apart:
 * <ul>
 * <li>{@link DuneInvalidInputException}: the input cannot become a request; raised before any request, so it costs
 * nothing;</li>
 * <li>{@link DuneApiException}: a call to the Dune API failed, with its HTTP status (0 when no answer came) and Dune's
 * message;</li>
 * <li>{@link DuneExecutionException}: the calls succeeded but the execution ended without a readable result (failed,
 * cancelled, expired, partial) or not in time; it carries the execution id and state, and no HTTP status.</li>
 * </ul>
 * Messages name the operation and the ids, never the API key.
 */
public class DuneException extends RuntimeCamelException {

    private final String operation;
    private final Long queryId;
    private final String executionId;

    /**
     * @param operation   the camel-dune operation or API call that failed, e.g. {@code run}, {@code execute}
     * @param queryId     the saved query, or null
     * @param executionId the execution, or null
     */
    protected DuneException(String message, Throwable cause, String operation, Long queryId, String executionId) {
        super(message, cause);
        this.operation = operation;
        this.queryId = queryId;
        this.executionId = executionId;
    }

    /** The camel-dune operation or API call that failed, e.g. {@code execute}. */
    public String getOperation() {
        return operation;
    }

    /** The saved query, or null. */
    public Long getQueryId() {
        return queryId;
    }

    /** The execution, or null (always set once Dune has given one). */
    public String getExecutionId() {
        return executionId;
    }

    /** Whether the same request may succeed later (see {@link DuneApiException#isTransient()}); false here. */
    public boolean isTransient() {
        return false;
    }

    /**
     * Whether the request certainly did nothing at Dune: refused before it was sent, or refused by Dune. Then no
     * execution exists for it and nothing was billed; otherwise one may.
     */
    public boolean isNothingDone() {
        return false;
    }

    /** The ids as {@code " (queryId=1, executionId=01...)"}, or an empty string. */
    protected static String ids(Long queryId, String executionId) {
        if (queryId == null && executionId == null) {
            return "";
        }
        StringBuilder m = new StringBuilder(" (");
        if (queryId != null) {
            m.append("queryId=").append(queryId);
        }
        if (executionId != null) {
            m.append(queryId != null ? ", " : "").append("executionId=").append(executionId);
        }
        return m.append(')').toString();
    }
}

package io.github.cameldune.dune.exception;

import io.github.cameldune.dune.model.ExecutionError;
import io.github.cameldune.dune.model.ExecutionState;

/** The execution ended {@code QUERY_STATE_FAILED}: Dune's error type, message, line and column are here. */
public class DuneExecutionFailedException extends DuneExecutionException {

    private final ExecutionError error;

    /** @param error Dune's error object, which may be null on an older answer */
    public DuneExecutionFailedException(String operation, Long queryId, String executionId, ExecutionError error) {
        super(operation, queryId, executionId, ExecutionState.FAILED, " failed" + describe(error));
        this.error = error;
    }

    private static String describe(ExecutionError e) {
        if (e == null) {
            return "";
        }
        StringBuilder m = new StringBuilder(": ");
        if (e.type() != null) {
            m.append(e.type());
        }
        if (e.line() != null) {
            m.append(" at line ").append(e.line()).append(e.column() != null ? ", column " + e.column() : "");
        }
        if (e.message() != null) {
            m.append(m.length() > 2 ? ": " : "").append(e.message());
        }
        return m.toString();
    }

    /** Dune's error object, or null. */
    public ExecutionError getError() {
        return error;
    }

    /** Dune's error type, e.g. {@code FAILED_TYPE_EXECUTION_FAILED}, or null. */
    public String getErrorType() {
        return error == null ? null : error.type();
    }

    /** The line of the SQL the error is at, or null. */
    public Integer getLine() {
        return error == null ? null : error.line();
    }

    /** The column of the SQL the error is at, or null. */
    public Integer getColumn() {
        return error == null ? null : error.column();
    }
}

package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.model.DuneExecution;
import io.github.cameldune.dune.model.ExecutionState;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.model.ResultMetadata;
import io.github.cameldune.dune.model.ResultPage;
import org.apache.camel.Message;

/** Writes every output header camel-dune sets, each in one place. */
final class OutputHeaders {

    private OutputHeaders() {}

    /** The execution's id, as soon as it is known, so an error handler can fetch the result later. */
    static void executionId(Message message, String executionId) {
        message.setHeader(DuneConstants.EXECUTION_ID, executionId);
    }

    /** The last state seen. */
    static void state(Message message, ExecutionState state) {
        if (state != null) {
            message.setHeader(DuneConstants.STATE, state.value());
        }
    }

    /** An execution Dune has just accepted: its id and state, and itself as the body. */
    static void execution(Message message, DuneExecution execution) {
        executionId(message, execution.executionId());
        state(message, execution.state());
        message.setBody(execution);
    }

    /** A status: the execution's id, state, times, cost and result shape, and the status as the body. */
    static void status(Message message, ExecutionStatus status) {
        executionId(message, status.executionId());
        state(message, status.state());
        message.setHeader(DuneConstants.EXECUTION_FINISHED, status.isFinished());
        setOrRemove(message, DuneConstants.QUEUE_POSITION, status.queuePosition());
        setOrRemove(message, DuneConstants.SUBMITTED_AT, status.times().submittedAt());
        endedAt(message, status.times().executionEndedAt());
        cost(message, status);
        metadata(message, status.resultMetadata());
        message.setBody(status);
    }

    /**
     * The identity and shape of a page of results.
     *
     * @param rowCount   the rows in the body (or in its first page)
     * @param singlePage whether the body is one page, whose next offset the route may ask for
     */
    static void page(Message message, ResultPage page, long rowCount, boolean singlePage) {
        executionId(message, page.executionId());
        state(message, page.state());
        if (page.times().executionEndedAt() != null) {
            endedAt(message, page.times().executionEndedAt());
        }
        metadata(message, page.metadata());
        message.setHeader(DuneConstants.ROW_COUNT, rowCount);
        if (singlePage && page.nextOffset() != null) {
            message.setHeader(DuneConstants.NEXT_OFFSET, page.nextOffset());
        } else {
            message.removeHeader(DuneConstants.NEXT_OFFSET);
        }
    }

    /** What the execution cost, where Dune says (status, and a run or latestResults that executed). */
    static void cost(Message message, ExecutionStatus status) {
        setOrRemove(message, DuneConstants.EXECUTION_COST_CREDITS, status.executionCostCredits());
    }

    private static void endedAt(Message message, Object endedAt) {
        setOrRemove(message, DuneConstants.ENDED_AT, endedAt);
    }

    private static void metadata(Message message, ResultMetadata meta) {
        if (meta != null) {
            setOrRemove(message, DuneConstants.TOTAL_ROW_COUNT, meta.totalRowCount());
            setOrRemove(message, DuneConstants.RESULT_BYTES, meta.totalResultSetBytes());
            setOrRemove(message, DuneConstants.COLUMN_NAMES, meta.columnNames());
            setOrRemove(message, DuneConstants.COLUMN_TYPES, meta.columnTypes());
        }
    }

    private static void setOrRemove(Message message, String name, Object value) {
        if (value == null) {
            message.removeHeader(name);
        } else {
            message.setHeader(name, value);
        }
    }
}

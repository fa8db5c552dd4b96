package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.exception.DuneInvalidInputException;
import java.util.Map;
import org.apache.camel.Message;

/** The handlers of the operations that are one Dune call each. */
final class SingleCallHandlers {

    private SingleCallHandlers() {}

    /** {@code dune:execute}: starts an execution of a saved query; the message gets its id, state and body. */
    static OperationHandler execute(ExecutionFlow flow) {
        return exchange -> {
            Message in = exchange.getMessage();
            long queryId = MessageInput.queryId(in, flow.config);
            Map<String, Object> parameters = MessageInput.queryParameters(in, flow.config);
            String performance = MessageInput.performance(in, flow.config);
            return flow.start(in, queryId, () -> flow.executeQuery(queryId, parameters, performance))
                    .thenAccept(execution -> OutputHeaders.execution(in, execution));
        };
    }

    /** {@code dune:executeSql}: starts an execution of raw SQL; the message gets its id, state and body. */
    static OperationHandler executeSql(ExecutionFlow flow) {
        return exchange -> {
            Message in = exchange.getMessage();
            String sql = MessageInput.sql(in, flow.config, true);
            if (sql == null) {
                throw new DuneInvalidInputException(
                        "No SQL: set the " + DuneConstants.SQL + " header, the sql " + "option, or a String body");
            }
            String performance = MessageInput.performance(in, flow.config);
            return flow.start(in, null, () -> flow.executeSql(sql, performance))
                    .thenAccept(execution -> OutputHeaders.execution(in, execution));
        };
    }

    /** {@code dune:status}: an execution's status into headers and the body. Free. */
    static OperationHandler status(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .status(MessageInput.executionId(in, context.config()))
                    .thenAccept(status -> OutputHeaders.status(in, status));
        };
    }

    /** {@code dune:cancel}: cancels an execution; the body is whether Dune cancelled it. */
    static OperationHandler cancel(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            String executionId = MessageInput.executionId(in, context.config());
            return context.client().cancel(executionId).thenAccept(cancelled -> {
                OutputHeaders.executionId(in, executionId);
                in.setBody(cancelled);
            });
        };
    }

    /** {@code dune:usage}: the account's credits per billing period as the body. Free. */
    static OperationHandler usage(EndpointContext context) {
        return exchange -> {
            Message in = exchange.getMessage();
            return context.client()
                    .usage(
                            date(context.config().getStartDate()),
                            date(context.config().getEndDate()))
                    .thenAccept(in::setBody);
        };
    }

    private static java.time.LocalDate date(String text) {
        return text == null ? null : java.time.LocalDate.parse(text);
    }
}

package io.github.cameldune.dune;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.cameldune.dune.model.DuneExecution;

/**
 * Turns an exchange into a Dune API call and the answer back into headers and body. It never blocks: the exchange
 * continues on the HTTP client's thread when Dune answers, and a failure becomes the exchange's exception, for the
 * route's error handler.
 */
public class DuneProducer extends DefaultAsyncProducer {

    /** A producer for an endpoint. */
    public DuneProducer(DuneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public DuneEndpoint getEndpoint() {
        return (DuneEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> call;
        try {
            call = switch (getEndpoint().getConfiguration().getOperation()) {
                case execute -> execute(exchange);
            };
        } catch (RuntimeException e) {
            // bad input: rejected before any request is sent
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        call.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<?> execute(Exchange exchange) {
        DuneConfiguration config = getEndpoint().getConfiguration();
        Message in = exchange.getMessage();
        long queryId = MessageInput.queryId(in, config);
        String performance = MessageInput.performance(in, config);
        var parameters = MessageInput.queryParameters(in, config);
        return getEndpoint().client().executeQuery(queryId, parameters, performance)
                .thenAccept(execution -> setExecution(exchange.getMessage(), execution));
    }

    private static void setExecution(Message message, DuneExecution execution) {
        message.setHeader(DuneConstants.EXECUTION_ID, execution.executionId());
        message.setHeader(DuneConstants.STATE, execution.state().value());
        message.setBody(execution);
    }
}

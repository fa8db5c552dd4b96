package io.github.cameldune.dune.handler;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;

/**
 * What one {@code dune:} operation does with an exchange: reads its input, makes the Dune calls, and writes the answer
 * to the message. Chosen once per endpoint ({@link OperationHandlers}); never blocks; input it cannot use fails before
 * any request is sent.
 */
@FunctionalInterface
public interface OperationHandler {

    /**
     * Starts the work for one exchange.
     *
     * @return completes when the message holds the answer, or exceptionally with a
     *         {@link io.github.cameldune.dune.exception.DuneException}
     * @throws io.github.cameldune.dune.exception.DuneInvalidInputException before any request, for unusable input
     */
    CompletableFuture<?> handle(Exchange exchange);
}

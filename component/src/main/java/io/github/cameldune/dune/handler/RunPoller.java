package io.github.cameldune.dune.handler;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;

/** What the {@code from("dune:run")} consumer does at each poll: a run, outside the execution journal. */
@FunctionalInterface
public interface RunPoller {

    /**
     * Executes, waits without holding a thread, and reads the result onto the exchange. Nothing redelivers a poll, and
     * replicas share the schedule through leader election, so no journal is asked.
     */
    CompletableFuture<Void> poll(Exchange exchange);
}

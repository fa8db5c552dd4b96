package io.github.cameldune.dune.handler;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Message;

/** What the {@code from("dune:latestResults")} consumer does at each poll, in two steps it decides between. */
public interface LatestResultsPoller {

    /** The execution the query's latest result comes from (one row of it is read). */
    CompletableFuture<String> latestExecutionId(Message in);

    /** Reads one execution's result onto the message, as the endpoint's options say. */
    CompletableFuture<Void> readExecution(Message in, String executionId);
}

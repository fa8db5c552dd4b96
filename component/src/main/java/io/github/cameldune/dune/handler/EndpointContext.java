package io.github.cameldune.dune.handler;

import io.github.cameldune.dune.DuneConfiguration;
import io.github.cameldune.dune.client.DuneClient;
import io.github.cameldune.dune.credits.CreditGuard;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * What every handler of one endpoint works with: its options, its client, the guard its billed requests go through,
 * and the workers where work that may block runs (never on HttpClient's I/O threads).
 *
 * @param config  the endpoint's options
 * @param client  the endpoint's Dune client
 * @param credits every billed request is sent through here, its expected cost reserved first
 * @param workers the component's worker threads
 */
record EndpointContext(DuneConfiguration config, DuneClient client, CreditGuard credits, Executor workers) {

    /** The name of the endpoint's operation, for errors. */
    String operation() {
        return config.getOperation().name();
    }

    /** Runs on a worker; here when the workers are stopping, so that nothing started is lost on the way. */
    void onWorker(Runnable work) {
        try {
            workers.execute(work);
        } catch (RejectedExecutionException stopping) {
            work.run();
        }
    }
}

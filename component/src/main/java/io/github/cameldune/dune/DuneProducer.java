package io.github.cameldune.dune;

import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.handler.OperationHandler;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Hands each exchange to its endpoint's {@link io.github.cameldune.dune.handler.OperationHandler} and completes it
 * when the work is done. It never blocks (unless {@code synchronous=true}): the exchange continues on the component's
 * worker threads, never on HttpClient's I/O threads. A failure becomes the exchange's exception, for the route's
 * error handler.
 */
public class DuneProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthChecks;
    private DuneHealthCheck healthCheck;

    /** A producer for an endpoint. */
    public DuneProducer(DuneEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // producer checks are off in Camel unless camel.health.producersEnabled=true
        healthChecks = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            // one check per base URL and key, however many endpoints use them, with an id stable across starts
            healthCheck = getEndpoint().getComponent().healthCheck(getEndpoint());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            if (healthChecks.stream().noneMatch(registered -> registered == healthCheck)) {
                healthChecks.addHealthCheck(healthCheck);
            }
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null
                && healthCheck != null
                && getEndpoint().getComponent().releaseHealthCheck(getEndpoint())) {
            healthChecks.removeHealthCheck(healthCheck);
        }
        super.doStop();
    }

    @Override
    public DuneEndpoint getEndpoint() {
        return (DuneEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<?> work;
        try {
            OperationHandler handler = getEndpoint().handler();
            if (handler == null) {
                // an endpoint made while Camel stops (a toD during shutdown) is never started
                throw new IllegalStateException(
                        "dune:" + getEndpoint().getConfiguration().getOperation()
                                + " is not started (is the CamelContext stopping?); nothing was sent");
            }
            work = handler.handle(exchange);
        } catch (RuntimeException e) {
            // bad input: rejected before any request is sent
            failed(exchange, e);
            callback.done(true);
            return true;
        }
        if (getEndpoint().getConfiguration().isSynchronous()) {
            try {
                work.join();
            } catch (CompletionException | CancellationException e) {
                failed(exchange, Futures.cause(e));
            }
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                failed(exchange, Futures.cause(error));
            }
            try {
                getEndpoint().getComponent().workers().execute(() -> callback.done(false));
            } catch (RuntimeException stopping) {
                // the component is stopping: finish here rather than leave the exchange waiting
                callback.done(false);
            }
        });
        return false;
    }

    /** Fails the exchange, and keeps the error among the component's last errors. */
    private void failed(Exchange exchange, Throwable error) {
        getEndpoint()
                .getComponent()
                .metrics()
                .error(getEndpoint().getConfiguration().getOperation().name(), error);
        exchange.setException(error);
    }
}

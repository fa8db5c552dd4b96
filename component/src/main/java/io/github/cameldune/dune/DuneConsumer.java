package io.github.cameldune.dune;

import io.github.cameldune.dune.client.DuneCall;
import io.github.cameldune.dune.client.Futures;
import io.github.cameldune.dune.handler.LatestResultsPoller;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.BridgeExceptionHandlerToErrorHandler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The scheduled consumer of {@code dune:latestResults} and {@code dune:run}.
 * <ul>
 * <li>{@code latestResults}: each poll reads one row of the query's latest result; when it comes from an execution not
 * emitted before (remembered in memory, and in the {@code idempotentRepository} across restarts), the result is read
 * and emitted; otherwise the poll is idle.</li>
 * <li>{@code run}: each poll executes the query, waits without holding the scheduler thread, and emits the result. A
 * poll that comes while the previous run is still going starts nothing, so runs never overlap.</li>
 * </ul>
 * A failed poll always goes to the route's error handler (so {@code bridgeErrorHandler} is not an option here), and
 * it also counts as a failed poll for Camel's {@code backoffErrorThreshold} and {@code backoffMultiplier}, so that a
 * broken query is executed less and less often, as configured, instead of billing every period. A run's failure is
 * known only when it ends: with {@code backoffErrorThreshold} set, the next poll is the failed one (it reports the
 * failure to the backoff and starts nothing).
 */
public class DuneConsumer extends ScheduledPollConsumer implements ShutdownAware {

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Throwable> failedRun = new AtomicReference<>();
    private final ExceptionHandler toRoute;
    private final ExceptionHandler pollFailures = new PollFailures();
    private volatile String lastEmitted;

    /** A consumer for an endpoint. */
    public DuneConsumer(DuneEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.toRoute = new BridgeExceptionHandlerToErrorHandler(this);
    }

    @Override
    public DuneEndpoint getEndpoint() {
        return (DuneEndpoint) super.getEndpoint();
    }

    /** A graceful stop waits for a run in progress (its row is emitted); see {@link DuneComponent} for a forced one. */
    @Override
    public int getPendingExchangesSize() {
        return running.get() ? 1 : 0;
    }

    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        return false;
    }

    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        // nothing to prepare: the run in progress is counted as pending, and ends typed if the stop is forced
    }

    /** Camel's handler of a failed poll, which lets through (to the log) only what the route has not seen. */
    @Override
    public ExceptionHandler getExceptionHandler() {
        return pollFailures;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(getEndpoint().getConfiguration().getIdempotentRepository());
        super.doStart();
    }

    @Override
    protected int poll() throws ReportedFailure {
        return switch (getEndpoint().getConfiguration().getOperation()) {
            case latestResults -> pollLatest();
            case run -> pollRun();
            default ->
                throw new IllegalStateException(
                        "no consumer for " + getEndpoint().getConfiguration().getOperation());
        };
    }

    /** Emits the latest result when it comes from a new execution; a short synchronous read of one row. */
    private int pollLatest() throws ReportedFailure {
        DuneConfiguration config = getEndpoint().getConfiguration();
        Exchange exchange = createExchange(false);
        try {
            LatestResultsPoller latest = getEndpoint().handlers().latestResultsPoller();
            Duration timeout = Duration.ofMillis(config.getResponseTimeout());
            String executionId = Futures.await(
                    latest.latestExecutionId(exchange.getMessage()), timeout, DuneCall.LATEST_RESULTS, null);
            IdempotentRepository seen = config.getIdempotentRepository();
            if (executionId.equals(lastEmitted) || seen != null && seen.contains(executionId)) {
                return 0;
            }
            Futures.await(
                    latest.readExecution(exchange.getMessage(), executionId), timeout, DuneCall.RESULTS, executionId);
            getProcessor().process(exchange);
            if (exchange.getException() == null) {
                lastEmitted = executionId;
                if (seen != null) {
                    seen.add(executionId);
                }
            }
            return 1;
        } catch (Exception e) {
            report("Dune latestResults poll failed", exchange, e);
            throw new ReportedFailure(e);
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** Starts a run unless one is going; the result is emitted from a worker thread when it is ready. */
    private int pollRun() throws ReportedFailure {
        Throwable failed = failedRun.getAndSet(null);
        if (failed != null) {
            throw new ReportedFailure(failed);
        }
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        Exchange exchange = createExchange(false);
        CompletableFuture<Void> run;
        try {
            run = getEndpoint().handlers().runPoller().poll(exchange);
        } catch (RuntimeException e) {
            running.set(false);
            report("Dune run poll failed", exchange, e);
            releaseExchange(exchange, false);
            throw new ReportedFailure(e);
        }
        run.whenComplete((ignored, error) -> getEndpoint()
                .getComponent()
                .workers()
                .execute(() -> {
                    try {
                        if (error != null) {
                            report("Dune run poll failed", exchange, Futures.cause(error));
                            if (getBackoffErrorThreshold() > 0) {
                                failedRun.set(Futures.cause(error));
                            }
                        } else {
                            getProcessor().process(exchange);
                        }
                    } catch (Exception e) {
                        getExceptionHandler()
                                .handleException("Processing the result of a Dune run failed", exchange, e);
                    } finally {
                        releaseExchange(exchange, false);
                        running.set(false);
                    }
                }));
        return 1;
    }

    /** Hands a failed poll to the route's error handler, and keeps it among the component's last errors. */
    private void report(String message, Exchange exchange, Throwable error) {
        getEndpoint()
                .getComponent()
                .metrics()
                .error(getEndpoint().getConfiguration().getOperation().name(), error);
        toRoute.handleException(message, exchange, error);
    }

    /** A failed poll the route's error handler has seen already; thrown so that Camel counts it for backoff. */
    static final class ReportedFailure extends Exception {
        ReportedFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Ignores the failures the route has seen; anything else (a failure after the route) goes to the log. */
    private final class PollFailures implements ExceptionHandler {
        @Override
        public void handleException(Throwable exception) {
            handleException(null, null, exception);
        }

        @Override
        public void handleException(String message, Throwable exception) {
            handleException(message, null, exception);
        }

        @Override
        public void handleException(String message, Exchange exchange, Throwable exception) {
            if (!(exception instanceof ReportedFailure)) {
                DuneConsumer.super.getExceptionHandler().handleException(message, exchange, exception);
            }
        }
    }
}

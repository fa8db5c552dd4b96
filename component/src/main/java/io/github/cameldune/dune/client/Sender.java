package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.nio.support.BasicResponseConsumer;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests: keeps to the rate limit, sends with the key, reads the answer, and retries as the policy says. Every
 * wait (a rate-limit slot, a retry delay) is a task on the scheduler, never a blocked thread.
 */
final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
    /** One WARN per burst of retries, and one per burst of rate-limit waits, for the whole JVM. */
    private static final BurstWarning RETRIES = new BurstWarning(LOG, Duration.ofSeconds(30));

    private static final BurstWarning LIMITED = new BurstWarning(LOG, Duration.ofSeconds(30));

    private final HttpTransport transport;
    private final String apiKey;
    private final ApiKeyLocation apiKeyLocation;
    private final RequestConfig requestConfig;
    private final RetryPolicy retries;
    private final ScheduledExecutorService scheduler;
    private final RateLimiter limiter;
    private final long maxAnswerSize;
    private final Duration deadline;
    private final InFlight inFlight;
    private final RequestGate gate;
    private final ClientServices services;
    private final ServerPacing pacing;
    private final BaseUrlHint baseUrlHint;

    /**
     * @param services what the component's endpoints share; without a scheduler there are no retries and no rate
     *     limit
     */
    Sender(
            HttpTransport transport,
            String apiKey,
            ApiKeyLocation apiKeyLocation,
            Duration responseTimeout,
            long maxAnswerSize,
            RetryPolicy retries,
            ClientServices services,
            BaseUrlHint baseUrlHint) {
        this(
                transport,
                apiKey,
                apiKeyLocation,
                RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build(),
                maxAnswerSize,
                responseTimeout,
                retries,
                services,
                baseUrlHint);
    }

    private Sender(
            HttpTransport transport,
            String apiKey,
            ApiKeyLocation apiKeyLocation,
            RequestConfig config,
            long maxAnswerSize,
            Duration deadline,
            RetryPolicy retries,
            ClientServices services,
            BaseUrlHint baseUrlHint) {
        this.services = services;
        this.baseUrlHint = baseUrlHint;
        this.inFlight = services.inFlight();
        this.gate = services.gate();
        ScheduledExecutorService scheduler = services.scheduler();
        this.transport = transport;
        this.apiKey = apiKey;
        this.apiKeyLocation = apiKeyLocation;
        this.requestConfig = config;
        this.maxAnswerSize = maxAnswerSize;
        this.deadline = deadline;
        this.retries = scheduler == null ? RetryPolicy.NONE : retries;
        this.scheduler = scheduler;
        this.limiter = scheduler == null ? null : services.limiter();
        this.pacing = scheduler == null ? null : services.pacing();
    }

    /** The same sender, sending each request once (for callers that are themselves the retry, as polling is). */
    Sender withoutRetries() {
        return new Sender(
                transport,
                apiKey,
                apiKeyLocation,
                requestConfig,
                maxAnswerSize,
                deadline,
                RetryPolicy.NONE,
                services,
                baseUrlHint);
    }

    /**
     * Sends a request, through the throttles and with retries as the policy says; a 2xx answer is read by
     * {@code reader}, anything else fails the future.
     */
    <T> CompletableFuture<T> send(ApiRequest request, Function<ApiResponse, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // a stop of the component ends the request (waiting for a slot, a retry or the answer), typed
        inFlight.track(
                result,
                null,
                () -> Failures.mayHaveSucceeded(
                        request,
                        Failures.noAnswer(
                                request,
                                new java.util.concurrent.CancellationException(
                                        "camel-dune stopped before the answer came"))));
        attempt(request, reader, 0, result);
        return result;
    }

    /** One attempt, after the rate limiter's slot; a failure the policy allows to retry schedules the next. */
    private <T> void attempt(
            ApiRequest request, Function<ApiResponse, T> reader, int attempt, CompletableFuture<T> result) {
        Duration wait =
                limiter == null ? Duration.ZERO : limiter.reserve(request.call().bucket());

        if (limiter != null) {
            services.metrics()
                    .rateLimiterWait(
                            request.call().bucket().name().toLowerCase(Locale.ROOT), wait, request.executionId());
        }
        if (!wait.isZero()) {
            LIMITED.warn("Dune " + request.call().operationName() + " waits " + wait.toMillis() + " ms for the "
                    + request.call().bucket().name().toLowerCase(Locale.ROOT)
                    + " rate limit (rateLimitWrite/rateLimitRead)");
        }
        if (wait.isZero() || !later(wait, () -> sendPaced(request, reader, attempt, result))) {
            sendPaced(request, reader, attempt, result);
        }
    }

    /** Sends when Dune's RateLimit headers say the plan, shared with other replicas, has room; else asks again later. */
    private <T> void sendPaced(
            ApiRequest request, Function<ApiResponse, T> reader, int attempt, CompletableFuture<T> result) {
        Duration paced =
                pacing == null ? Duration.ZERO : pacing.delay(request.call().bucket());
        if (result.isDone()) {
            return;
        }
        if (paced.isZero() || !later(paced, () -> sendPaced(request, reader, attempt, result))) {
            sendNow(request, reader, attempt, result);
        }
    }

    private <T> void sendNow(
            ApiRequest request, Function<ApiResponse, T> reader, int attempt, CompletableFuture<T> result) {
        once(request, reader).whenComplete((value, error) -> {
            try {
                afterAttempt(request, reader, attempt, result, value, error);
            } catch (RuntimeException e) {
                // whatever went wrong deciding what to do next, the exchange must end
                result.completeExceptionally(error != null ? error : e);
            }
        });
    }

    private <T> void afterAttempt(
            ApiRequest request,
            Function<ApiResponse, T> reader,
            int attempt,
            CompletableFuture<T> result,
            T value,
            Throwable error) {
        if (error == null) {
            result.complete(value);
            return;
        }
        if (error instanceof DuneApiException failure && retries.shouldRetry(failure, request.call(), attempt)) {
            Duration delay = retries.delay(failure, attempt);
            services.metrics().retry(failure.getHttpResponseCode());
            RETRIES.warn("Dune " + request.call().operationName() + " failed with "
                    + (failure.getHttpResponseCode() == 0 ? "no answer" : "HTTP " + failure.getHttpResponseCode())
                    + Failures.ids(request) + "; attempt " + (attempt + 2) + " of " + (retries.maxRetries() + 1)
                    + " in " + delay.toMillis() + " ms");
            if (later(delay, () -> attempt(request, reader, attempt + 1, result))) {
                return;
            }
        }
        result.completeExceptionally(Failures.mayHaveSucceeded(request, Failures.afterAttempts(error, attempt + 1)));
    }

    /** Schedules a task; false when the component is stopping and the scheduler refuses it. */
    private boolean later(Duration delay, Runnable task) {
        try {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }

    private <T> CompletableFuture<T> once(ApiRequest request, Function<ApiResponse, T> reader) {
        if (apiKeyLocation == ApiKeyLocation.header) {
            request.http().setHeader(new ApiKeyHeader(apiKey));
        }
        request.http().setConfig(requestConfig);
        CompletableFuture<T> future = new CompletableFuture<>();
        String target = request.describe();
        String operation = request.call().operationName();
        LOG.debug("Dune {}: {}", operation, target);
        gate.submit(() -> {
            future.whenComplete((value, error) -> gate.release());
            try {
                exchange(request, reader, future, target, operation);
            } catch (RuntimeException e) {
                // a client that is closing refuses the request at once: the exchange still ends, typed
                future.completeExceptionally(Failures.noAnswer(request, e));
            }
        });
        return future;
    }

    /** Hands one attempt to HttpClient, and its answer (or its failure or deadline) to the future. */
    private <T> void exchange(
            ApiRequest request,
            Function<ApiResponse, T> reader,
            CompletableFuture<T> future,
            String target,
            String operation) {
        Future<?> exchange = transport
                .client()
                .execute(
                        SimpleRequestProducer.create(request.http()),
                        new BasicResponseConsumer<>(new ChunkedBody.Consumer(maxAnswerSize)),
                        new FutureCallback<>() {
                            @Override
                            public void completed(Message<HttpResponse, ChunkedBody> message) {
                                ApiResponse answer = new ApiResponse(request, message.getHead(), message.getBody());
                                LOG.debug("Dune {}: {} answered {}", operation, target, answer.code());
                                if (pacing != null) {
                                    pacing.observe(
                                            request.call().bucket(),
                                            answer.header("RateLimit"),
                                            answer.header("RateLimit-Policy"));
                                }
                                if (answer.isSuccess() && request.call().billing() == DuneCall.Billing.EXPORT) {
                                    // Dune bills each megabyte of results it sends, whether or not it is read
                                    services.costs().exported(message.getBody().length());
                                }
                                try {
                                    future.complete(
                                            answer.isSuccess()
                                                    ? reader.apply(baseUrlHint.answered(answer))
                                                    : rethrow(Failures.answered(
                                                            request, answer, apiKey, baseUrlHint.hint(answer))));
                                } catch (DuneApiException e) {
                                    future.completeExceptionally(e);
                                } catch (RuntimeException e) {
                                    future.completeExceptionally(answer.unreadable(
                                            "unexpected answer: " + e.getClass().getSimpleName(), e));
                                } catch (Error e) {
                                    // out of memory, say: the exchange must fail, not wait forever, and the error
                                    // must not reach the I/O reactor, which would shut down for every later request
                                    future.completeExceptionally(answer.unreadable(
                                            "the answer could not be read: "
                                                    + e.getClass().getSimpleName(),
                                            e));
                                }
                            }

                            @Override
                            public void failed(Exception ex) {
                                LOG.debug("Dune {}: {} failed: {}", operation, target, ex.toString());
                                future.completeExceptionally(
                                        ex instanceof ChunkedBody.TooLarge tooLarge
                                                ? Failures.tooLarge(request, tooLarge)
                                                : Failures.noAnswer(request, ex));
                            }

                            @Override
                            public void cancelled() {
                                future.completeExceptionally(Failures.noAnswer(request, new CancellationException()));
                            }
                        });
        // responseTimeout fires only on silence: a body that trickles in must end within the deadline too
        if (scheduler != null) {
            try {
                services.deadlines().add(scheduler, future, deadline, () -> {
                    if (future.completeExceptionally(Failures.noAnswer(
                            request, new TimeoutException("no whole answer within " + deadline.toMillis() + " ms")))) {
                        exchange.cancel(true);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                // the component is stopping: the connection pool's close ends the request
            }
        }
    }

    private static <T> T rethrow(DuneApiException e) {
        throw e;
    }
}

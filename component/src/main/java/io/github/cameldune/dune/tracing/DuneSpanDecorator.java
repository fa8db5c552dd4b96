package io.github.cameldune.dune.tracing;

import io.github.cameldune.dune.DuneComponent;
import io.github.cameldune.dune.DuneConstants;
import io.github.cameldune.dune.DuneEndpoint;
import io.github.cameldune.dune.exception.DuneApiException;
import io.github.cameldune.dune.exception.DuneException;
import io.github.cameldune.dune.exception.DuneExecutionException;
import io.github.cameldune.dune.model.ExecutionStatus;
import io.github.cameldune.dune.waiting.WaitObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * The {@code dune} span: camel-telemetry finds it through {@code ServiceLoader} when an application traces (with
 * camel-opentelemetry2, say), and it is the only class of camel-dune that needs camel-telemetry. Attributes in
 * OpenTelemetry's style ({@code dune.operation}, {@code dune.query_id}, {@code dune.execution_id}, {@code dune.state},
 * {@code dune.performance}, {@code dune.credits}, {@code dune.rows}, {@code dune.result_bytes}, {@code dune.polls},
 * {@code dune.queue_ms}, {@code dune.run_ms}, {@code dune.rate_limit_wait_ms}, and on failure {@code dune.error.type}
 * and {@code dune.http_status}); the wait as span events at the moments they happen ({@code dune.execution.waiting},
 * {@code dune.execution.running}, {@code dune.execution.ended}). Nothing it records comes from the key: the URI is the
 * sanitized one, and the values are ids, states and figures.
 */
public class DuneSpanDecorator extends AbstractSpanDecorator {

    /** Where the exchange keeps its span's wait observer, to read its figures when the span ends. */
    static final String OBSERVER = WaitObserver.PROPERTY;

    @Override
    public String getComponent() {
        return "dune";
    }

    @Override
    public String getComponentClassName() {
        return DuneComponent.class.getName();
    }

    /** {@code dune run}, {@code dune execute}: what the span does, in a trace viewer's list. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        return endpoint instanceof DuneEndpoint dune
                ? "dune " + dune.getConfiguration().getOperation()
                : super.getOperationName(exchange, endpoint);
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        if (!(endpoint instanceof DuneEndpoint dune)) {
            return;
        }
        Message in = exchange.getMessage();
        span.setTag("dune.operation", dune.getConfiguration().getOperation().name());
        tag(
                span,
                "dune.query_id",
                first(
                        in.getHeader(DuneConstants.QUERY_ID),
                        dune.getConfiguration().getQueryId()));
        tag(
                span,
                "dune.performance",
                first(
                        in.getHeader(DuneConstants.PERFORMANCE),
                        dune.getConfiguration().getPerformance()));
        Observer observer = new Observer(span);
        observer.component = dune.getComponent();
        exchange.setProperty(OBSERVER, observer);
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        Message in = exchange.getMessage();
        Object executionId = in.getHeader(DuneConstants.EXECUTION_ID);
        Exception failure = exchange.getException();
        if (executionId == null && failure instanceof DuneException known) {
            executionId = known.getExecutionId();
        }
        tag(span, "dune.execution_id", executionId);
        tag(span, "dune.state", in.getHeader(DuneConstants.STATE));
        tag(span, "dune.credits", in.getHeader(DuneConstants.EXECUTION_COST_CREDITS));
        tag(span, "dune.rows", in.getHeader(DuneConstants.ROW_COUNT));
        tag(span, "dune.result_bytes", in.getHeader(DuneConstants.RESULT_BYTES));
        tag(span, "dune.pipeline_execution_id", in.getHeader(DuneConstants.PIPELINE_EXECUTION_ID));
        tag(span, "dune.materialized_view", in.getHeader(DuneConstants.MATERIALIZED_VIEW));
        if (exchange.getProperty(OBSERVER) instanceof Observer observer) {
            exchange.removeProperty(OBSERVER);
            if (observer.polls.get() > 0) {
                span.setTag("dune.polls", String.valueOf(observer.polls.get()));
            }
            tag(span, "dune.queue_ms", observer.queueMillis);
            tag(span, "dune.run_ms", observer.runMillis);
            if (executionId != null && observer.component != null) {
                long waited = observer.component.metrics().rateLimiterWaited(executionId.toString());
                if (waited > 0) {
                    span.setTag("dune.rate_limit_wait_ms", String.valueOf(waited));
                }
            }
        }
        if (failure instanceof DuneException known) {
            span.setTag("dune.error.type", known.getClass().getSimpleName());
            if (known instanceof DuneApiException api) {
                span.setTag("dune.http_status", String.valueOf(api.getHttpResponseCode()));
            }
            if (known instanceof DuneExecutionException outcome && outcome.getState() != null) {
                span.setTag("dune.state", outcome.getState().value());
            }
        }
    }

    private static Object first(Object header, Object option) {
        return header != null ? header : option;
    }

    private static void tag(Span span, String name, Object value) {
        if (value != null) {
            span.setTag(name, value.toString());
        }
    }

    /**
     * The span's view of the wait: an event when it starts, when Dune starts running the execution (its time queued,
     * from Dune's own timestamps) and when it ends (its time running), and the number of status polls.
     */
    static final class Observer implements WaitObserver {
        private final Span span;
        final AtomicInteger polls = new AtomicInteger();
        volatile DuneComponent component;
        volatile Long queueMillis;
        volatile Long runMillis;
        private boolean running;
        private boolean ended;

        Observer(Span span) {
            this.span = span;
        }

        @Override
        public void waiting(String executionId) {
            Map<String, String> event = new LinkedHashMap<>();
            event.put("event", "dune.execution.waiting");
            event.put("dune.execution_id", executionId);
            span.log(event);
        }

        @Override
        public synchronized void status(ExecutionStatus status) {
            polls.incrementAndGet();
            Instant submitted = status.times().submittedAt();
            Instant started = status.times().executionStartedAt();
            Instant endedAt = status.times().executionEndedAt();
            if (!running && started != null) {
                running = true;
                Map<String, String> event = new LinkedHashMap<>();
                event.put("event", "dune.execution.running");
                if (submitted != null) {
                    queueMillis = Duration.between(submitted, started).toMillis();
                    event.put("dune.queue_ms", String.valueOf(queueMillis));
                }
                span.log(event);
            }
            if (!ended && status.state().isTerminal()) {
                ended = true;
                Map<String, String> event = new LinkedHashMap<>();
                event.put("event", "dune.execution.ended");
                event.put("dune.state", status.state().value());
                if (started != null && endedAt != null) {
                    runMillis = Duration.between(started, endedAt).toMillis();
                    event.put("dune.run_ms", String.valueOf(runMillis));
                }
                span.log(event);
            }
        }
    }
}

package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.SampleQuery;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dune span under camel-opentelemetry2 4.18.0 and OpenTelemetry's in-memory exporter: an execute, a run that
 * waits, a failed query and a timeout, each span's attributes, error status and wait events; no attribute or event of
 * any span holds the API key, given on the component and in a URI.
 */
@Timeout(120)
class TracingTest extends DuneTestSupport {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // as an application's OpenTelemetry agent or SDK set-up does: the tracer takes the global one
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(otel);
        OpenTelemetryTracer tracer = new OpenTelemetryTracer();
        CamelContextAware.trySetCamelContext(tracer, context);
        tracer.init(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String fast = "pollInitialDelay=20ms&pollInterval=50ms";
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:execute")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&apiKey=RAW("
                                + emulator().apiKey() + ")&baseUrl="
                                + emulator().baseUrl() + "&performance=large");
                from("direct:run").to("dune:run?queryId=" + SampleQuery.TOP_TRADERS + "&" + fast);
                from("direct:broken").to("dune:run?queryId=" + SampleQuery.BROKEN + "&" + fast);
                from("direct:slow")
                        .to("dune:run?queryId=" + SampleQuery.SLOW_DAILY_SUMMARY + "&" + fast + "&waitTimeout=400ms");
            }
        };
    }

    @AfterEach
    void closeSdk() {
        GlobalOpenTelemetry.resetForTest();
        otel.close();
    }

    @Test
    void anExecutesSpanNamesTheQueryTheExecutionAndItsState() {
        emulator().setMinDuration(SampleQuery.NUMBER_SERIES.id(), Duration.ofMillis(0));
        Exchange done = template.request("direct:execute", e -> {});
        assertThat(done.getException()).isNull();
        SpanData span = duneSpan("dune execute");
        assertThat(text(span, "dune.operation")).isEqualTo("execute");
        assertThat(text(span, "dune.query_id")).isEqualTo("1005");
        assertThat(text(span, "dune.performance")).isEqualTo("large");
        assertThat(text(span, "dune.execution_id")).isEqualTo(done.getMessage().getHeader(DuneConstants.EXECUTION_ID));
        assertThat(text(span, "dune.state")).startsWith("QUERY_STATE_");
        assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
        assertThat(span.getEvents()).as("an execute does not wait").isEmpty();
        noKeyAnywhere(emulator().apiKey());
    }

    @Test
    void aRunsSpanShowsItsWaitAsEventsAndItsFigures() {
        emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMillis(400));
        Exchange done = template.request("direct:run", e -> {});
        assertThat(done.getException()).isNull();
        SpanData span = duneSpan("dune run");
        assertThat(text(span, "dune.state")).isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(text(span, "dune.credits")).isEqualTo("10");
        assertThat(text(span, "dune.rows")).isEqualTo("10");
        assertThat(Long.parseLong(text(span, "dune.result_bytes"))).isPositive();
        assertThat(Integer.parseInt(text(span, "dune.polls"))).isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(text(span, "dune.run_ms"))).isGreaterThanOrEqualTo(350);
        assertThat(text(span, "dune.queue_ms")).isNotNull();
        List<EventData> events = span.getEvents();
        assertThat(events)
                .extracting(EventData::getName)
                .containsExactly("dune.execution.waiting", "dune.execution.running", "dune.execution.ended");
        assertThat(events.get(0).getEpochNanos())
                .isLessThanOrEqualTo(events.get(1).getEpochNanos());
        assertThat(events.get(2).getEpochNanos() - events.get(0).getEpochNanos())
                .as("the events are when they happened, not all at the end")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        assertThat(events.get(2).getAttributes().get(AttributeKey.stringKey("dune.state")))
                .isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(events.get(0).getAttributes().get(AttributeKey.stringKey("dune.execution_id")))
                .isEqualTo(text(span, "dune.execution_id"));
        noKeyAnywhere(emulator().apiKey());
    }

    @Test
    void aFailedQueryIsAnErrorSpanWithDunesState() {
        Exchange done = template.request("direct:broken", e -> {});
        assertThat(done.getException()).isNotNull();
        SpanData span = duneSpan("dune run");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(text(span, "dune.error.type")).isEqualTo("DuneExecutionFailedException");
        assertThat(text(span, "dune.state")).isEqualTo("QUERY_STATE_FAILED");
        assertThat(text(span, "dune.execution_id")).startsWith("01");
        assertThat(span.getEvents()).extracting(EventData::getName).contains("dune.execution.ended", "error");
        noKeyAnywhere(emulator().apiKey());
    }

    @Test
    void aTimeoutIsAnErrorSpanNamingTheExecutionStillRunning() {
        emulator().setMinDuration(SampleQuery.SLOW_DAILY_SUMMARY.id(), Duration.ofSeconds(5));
        Exchange done = template.request("direct:slow", e -> {});
        assertThat(done.getException()).isNotNull();
        SpanData span = duneSpan("dune run");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(text(span, "dune.error.type")).isEqualTo("DuneTimeoutException");
        assertThat(text(span, "dune.execution_id")).startsWith("01");
        assertThat(text(span, "dune.state")).isEqualTo("QUERY_STATE_EXECUTING");
        assertThat(span.getEvents())
                .extracting(EventData::getName)
                .contains("dune.execution.waiting", "dune.execution.running")
                .doesNotContain("dune.execution.ended");
        noKeyAnywhere(emulator().apiKey());
    }

    private SpanData duneSpan(String name) {
        List<SpanData> found = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
        assertThat(found)
                .as("the %s span of %s", name, spans.getFinishedSpanItems())
                .hasSize(1);
        return found.get(0);
    }

    private static String text(SpanData span, String attribute) {
        return span.getAttributes().get(AttributeKey.stringKey(attribute));
    }

    /** No attribute or event attribute of any span holds a key. */
    private void noKeyAnywhere(String... keys) {
        for (SpanData span : spans.getFinishedSpanItems()) {
            StringBuilder all = new StringBuilder(span.getName()).append(span.getAttributes());
            span.getEvents().forEach(e -> all.append(e.getName()).append(e.getAttributes()));
            for (String key : keys) {
                assertThat(all.toString()).as("span %s", span.getName()).doesNotContain(key);
            }
        }
    }
}

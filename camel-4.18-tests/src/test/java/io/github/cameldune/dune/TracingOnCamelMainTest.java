package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.SampleQuery;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guide's set-up on Camel Main: camel-opentelemetry2 on the class path, OpenTelemetry's global SDK, and one line
 * of application.properties (tracing/application.properties); a run gives its dune span, found by camel-telemetry.
 */
@Timeout(120)
class TracingOnCamelMainTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void onePropertyTracesTheRoutesAndTheDuneSpanIsInTheTrace() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .build();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(otel);
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:tracing/application.properties");
        main.addOverrideProperty(
                "camel.component.dune.base-url", DUNE.emulator().baseUrl());
        main.addOverrideProperty("camel.component.dune.api-key", DUNE.emulator().apiKey());
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run")
                        .to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&pollInitialDelay=20ms&pollInterval=20ms");
            }
        });
        main.start();
        List<SpanData> finished;
        try {
            main.getCamelContext().createProducerTemplate().requestBody("direct:run", (Object) null);
            // before the SDK closes: the exporter forgets its spans at shutdown
            finished = spans.getFinishedSpanItems();
        } finally {
            main.stop();
            GlobalOpenTelemetry.resetForTest();
            otel.close();
        }
        SpanData dune = finished.stream()
                .filter(s -> s.getName().equals("dune run"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dune span in " + finished));
        assertThat(dune.getAttributes().get(AttributeKey.stringKey("dune.state")))
                .isEqualTo("QUERY_STATE_COMPLETED");
        assertThat(dune.getAttributes().get(AttributeKey.stringKey("dune.query_id")))
                .isEqualTo("1005");
        assertThat(finished)
                .as("the route's span and the dune span share a trace")
                .extracting(SpanData::getTraceId)
                .containsOnly(dune.getTraceId());
    }
}

package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneExecutionFailedException;
import io.github.cameldune.dune.exception.DuneTimeoutException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A fixed set of runs (one completed, one failed, one timed out, one whose results were read after a retry) and the
 * figures they leave: in a Micrometer registry, and the same values as JMX attributes of the component.
 */
@Timeout(120)
class MetricsTest extends DuneTestSupport {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meterRegistry", registry);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("dune:run?pollInitialDelay=20ms&pollInterval=20ms&waitTimeout=300ms");
            }
        };
    }

    @Test
    void eachRunLeavesTheCountsTimersAndCreditsItShould() throws Exception {
        Exchange completed = run(1001L, null);
        assertThat(completed.getException()).isNull();
        Exchange failed = run(null, "SELECT * FROM no_such_table");
        assertThat(failed.getException()).isInstanceOf(DuneExecutionFailedException.class);
        emulator().setMinDuration(SampleQuery.TOP_TRADERS.id(), Duration.ofMinutes(5));
        Exchange timedOut = run(1002L, null);
        assertThat(timedOut.getException()).isInstanceOf(DuneTimeoutException.class);
        emulator()
                .faults()
                .add(Fault.status(503, "busy").on(ApiEndpoint.RESULTS).times(1));
        Exchange retried = run(1003L, null);
        assertThat(retried.getException()).isNull();

        assertThat(count("dune.executions.started", Map.of())).isEqualTo(4);
        assertThat(count("dune.executions", Map.of("query", "1001", "outcome", "completed")))
                .isEqualTo(1);
        assertThat(count("dune.executions", Map.of("query", "sql", "outcome", "failed")))
                .isEqualTo(1);
        assertThat(count("dune.executions", Map.of("query", "1002", "outcome", "timed_out")))
                .isEqualTo(1);
        assertThat(count("dune.executions", Map.of("outcome", "completed"))).isEqualTo(2);
        assertThat(count("dune.retries", Map.of("status", "503"))).isEqualTo(1);
        assertThat(registry.get("dune.execution.run")
                        .tag("query", "1001")
                        .functionTimer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("dune.execution.queue")
                        .tag("query", "1003")
                        .functionTimer()
                        .count())
                .isEqualTo(1);
        assertThat(count("dune.polls", Map.of())).isGreaterThanOrEqualTo(4);
        // 10 credits each for the completed, the failed and the retried one; the timed-out one is still running
        assertThat(count("dune.credits", Map.of("kind", "execution"))).isEqualTo(30);
        assertThat(count("dune.results.rows", Map.of())).isPositive();
        double bytes = count("dune.results.bytes", Map.of());
        assertThat(bytes).isPositive();
        // the Free plan's 20 credits per MB, on what was read
        assertThat(count("dune.credits", Map.of("kind", "export"))).isCloseTo(bytes * 20 / 1e6, within());
        assertThat(registry.get("dune.executions.waiting").gauge().value()).isZero();

        // the same figures through JMX
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=components,name=\"dune\"");
        assertThat(jmx.getAttribute(name, "ExecutionsStarted")).isEqualTo(4L);
        assertThat(jmx.getAttribute(name, "ExecutionsCompleted")).isEqualTo(2L);
        assertThat(jmx.getAttribute(name, "ExecutionsFailed")).isEqualTo(1L);
        assertThat(jmx.getAttribute(name, "ExecutionsTimedOut")).isEqualTo(1L);
        assertThat(jmx.getAttribute(name, "Retries")).isEqualTo(1L);
        assertThat(jmx.getAttribute(name, "Polls")).isEqualTo((long) count("dune.polls", Map.of()));
        assertThat(jmx.getAttribute(name, "ExecutionCredits")).isEqualTo(30.0);
        assertThat((Double) jmx.getAttribute(name, "ExportCredits"))
                .isCloseTo(count("dune.credits", Map.of("kind", "export")), within());
        assertThat(jmx.getAttribute(name, "ResultBytes")).isEqualTo((long) bytes);
        assertThat(jmx.getAttribute(name, "CreditBudgetRemaining")).isEqualTo(-1.0);
        // Camel's own attributes are still there
        assertThat(jmx.getAttribute(name, "ComponentName")).isEqualTo("dune");
    }

    @Test
    void aRegistryBoundAfterTheStartIsNotNeededForTheFiguresButTagsStayBounded() throws Exception {
        for (long query = 1; query <= io.github.cameldune.dune.metrics.DuneMetrics.MAX_QUERY_TAGS + 5; query++) {
            context.getComponent("dune", DuneComponent.class).metrics().executionStarted(query);
        }
        assertThat(registry.find("dune.executions.started").functionCounters())
                .hasSize(io.github.cameldune.dune.metrics.DuneMetrics.MAX_QUERY_TAGS + 1);
        assertThat(count("dune.executions.started", Map.of("query", "other"))).isEqualTo(5);
    }

    private Exchange run(Long queryId, String sql) {
        return template.request("direct:run", e -> {
            if (queryId != null) {
                e.getMessage().setHeader(DuneConstants.QUERY_ID, queryId);
            } else {
                e.getMessage().setHeader(DuneConstants.SQL, sql);
            }
        });
    }

    private double count(String name, Map<String, String> tags) {
        var search = registry.find(name);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return search.functionCounters().stream()
                .mapToDouble(io.micrometer.core.instrument.FunctionCounter::count)
                .sum();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}

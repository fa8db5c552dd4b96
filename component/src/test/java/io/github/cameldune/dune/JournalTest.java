package io.github.cameldune.dune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cameldune.dune.exception.DuneInvalidInputException;
import io.github.cameldune.dune.exception.DuneJournalException;
import io.github.cameldune.dune.exception.DuneServerException;
import io.github.cameldune.dune.exception.DuneUncertainExecutionException;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.faults.Fault;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The execution journal over a Camel {@link StateRepository}: a redelivered message never executes again (execute
 * answers the recorded execution, run reads its rows), a key recorded without an execution id fails with its key
 * unless opted in, and an execute Dune refused may be sent again. Against the emulator; the repository is Camel's
 * in-memory one (the replicas' test shares one on Kafka).
 */
@Timeout(120)
class JournalTest extends DuneTestSupport {

    private final MemoryStateRepository journal = new MemoryStateRepository();

    @Override
    protected RouteBuilder createRouteBuilder() {
        context.getRegistry().bind("journal", journal);
        context.getRegistry().bind("failing", new StateRepository<String, String>() {
            @Override
            public void setState(String key, String value) {
                throw new IllegalStateException("store down");
            }

            @Override
            public String getState(String key) {
                throw new IllegalStateException("store down");
            }

            @Override
            public void start() {}

            @Override
            public void stop() {}
        });
        return new RouteBuilder() {
            @Override
            public void configure() {
                String fast = "&pollInitialDelay=20ms&pollInterval=20ms";
                from("direct:execute").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&journal=#journal");
                from("direct:run").to("dune:run?queryId=" + SampleQuery.NUMBER_SERIES + "&journal=#journal" + fast);
                from("direct:byOrder")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&journal=#journal&requestKey=order-${header.orderId}");
                from("direct:again")
                        .to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES
                                + "&journal=#journal&executeUncertain=true");
                from("direct:failing").to("dune:execute?queryId=" + SampleQuery.NUMBER_SERIES + "&journal=#failing");
            }
        };
    }

    private Exchange send(String route, String key, Map<String, Object> body) {
        return template.request(route, e -> {
            if (key != null) {
                e.getMessage().setHeader(DuneConstants.REQUEST_KEY, key);
            }
            e.getMessage().setBody(body);
        });
    }

    @Test
    void aRedeliveredExecuteAnswersTheRecordedExecution() {
        Exchange first = send("direct:execute", "k1", Map.of("row_count", 2));
        Exchange again = send("direct:execute", "k1", Map.of("row_count", 2));
        assertThat(first.getException()).isNull();
        assertThat(again.getException()).isNull();
        String id = first.getMessage().getHeader(DuneConstants.EXECUTION_ID, String.class);
        assertThat(again.getMessage().getHeader(DuneConstants.EXECUTION_ID)).isEqualTo(id);
        assertThat(first.getMessage().getHeader(DuneConstants.RESUMED)).isEqualTo(false);
        assertThat(again.getMessage().getHeader(DuneConstants.RESUMED)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(DuneConstants.STATE)).isNotNull();
        assertThat(journal.getState("k1")).isEqualTo("execution " + id);
        assertThat(executionsCreated()).isEqualTo(1);
        assertThat(requests().stream().filter(r -> r.path().endsWith("/execute")))
                .hasSize(1);
    }

    @Test
    void aRedeliveredRunWaitsForTheRecordedExecutionAndReadsItsRows() {
        Exchange first = send("direct:run", "k2", Map.of("row_count", 3));
        Exchange again = send("direct:run", "k2", Map.of("row_count", 3));
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getBody(List.class))
                .hasSize(3)
                .isEqualTo(first.getMessage().getBody(List.class));
        assertThat(again.getMessage().getHeader(DuneConstants.EXECUTION_ID))
                .isEqualTo(first.getMessage().getHeader(DuneConstants.EXECUTION_ID));
        assertThat(again.getMessage().getHeader(DuneConstants.RESUMED)).isEqualTo(true);
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void aKeyRecordedWithoutAnExecutionFailsWithItsKeyAndSendsNothing() {
        journal.setState("k3", "pending 2026-12-01T10:00:00Z");
        Exchange done = send("direct:execute", "k3", Map.of());
        assertThat(done.getException())
                .isInstanceOf(DuneUncertainExecutionException.class)
                .hasMessageContaining("'k3'")
                .hasMessageContaining("2026-12-01T10:00:00Z")
                .hasMessageContaining("executeUncertain=true");
        assertThat(((DuneUncertainExecutionException) done.getException()).getRequestKey())
                .isEqualTo("k3");
        assertThat(requests()).isEmpty();
    }

    @Test
    void executeUncertainExecutesAgainAsDocumented() {
        journal.setState("k4", "pending 2026-12-01T10:00:00Z");
        Exchange done = send("direct:again", "k4", Map.of());
        assertThat(done.getException()).isNull();
        assertThat(executionsCreated()).isEqualTo(1);
        assertThat(journal.getState("k4")).startsWith("execution ");
    }

    @Test
    void anExecuteWhoseAnswerWasLostStaysUncertain() {
        emulator()
                .faults()
                .add(Fault.status(500, Fault.INTERNAL_ERROR)
                        .afterHandling()
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        Exchange lost = send("direct:execute", "k5", Map.of());
        assertThat(lost.getException()).isInstanceOf(DuneServerException.class);
        Exchange redelivered = send("direct:execute", "k5", Map.of());
        assertThat(redelivered.getException()).isInstanceOf(DuneUncertainExecutionException.class);
        assertThat(executionsCreated())
                .as("Dune executed it once, and only once")
                .isEqualTo(1);
    }

    @Test
    void anExecuteDuneRefusedMayBeSentAgain() {
        emulator()
                .faults()
                .add(Fault.status(402, Fault.PAYMENT_REQUIRED)
                        .on(ApiEndpoint.EXECUTE)
                        .times(1));
        assertThat(send("direct:execute", "k6", Map.of()).getException()).isNotNull();
        assertThat(journal.getState("k6")).isEqualTo("none");
        Exchange again = send("direct:execute", "k6", Map.of());
        assertThat(again.getException()).isNull();
        assertThat(executionsCreated()).isEqualTo(1);
    }

    @Test
    void badInputRecordsNothing() {
        Exchange done = send("direct:execute", "k7", Map.of("row_count", Map.of("not", "a value")));
        Exchange noQuery = template.request("direct:execute", e -> {
            e.getMessage().setHeader(DuneConstants.REQUEST_KEY, "k7");
            e.getMessage().setHeader(DuneConstants.QUERY_ID, "x");
        });
        assertThat(noQuery.getException()).isInstanceOf(DuneInvalidInputException.class);
        assertThat(done.getException()).isNotNull();
        assertThat(journal.getState("k7")).isIn(null, "none");
    }

    @Test
    void theKeyComesFromTheExpressionThenAKafkaRecordThenTheMessageId() {
        Exchange byOrder =
                template.request("direct:byOrder", e -> e.getMessage().setHeader("orderId", 42));
        assertThat(byOrder.getMessage().getHeader(DuneConstants.REQUEST_KEY)).isEqualTo("order-42");
        Exchange record = template.request("direct:execute", e -> {
            e.getMessage().setHeader("CamelKafkaTopic", "requests");
            e.getMessage().setHeader("CamelKafkaPartition", 2);
            e.getMessage().setHeader("CamelKafkaOffset", 17L);
        });
        assertThat(record.getMessage().getHeader(DuneConstants.REQUEST_KEY)).isEqualTo("requests-2@17");
        Exchange plain = template.request("direct:execute", e -> {});
        assertThat(plain.getMessage().getHeader(DuneConstants.REQUEST_KEY))
                .isEqualTo(plain.getMessage().getMessageId());
        assertThat(journal.getState("order-42")).startsWith("execution ");
    }

    @Test
    void aJournalThatCannotBeReadSendsNothing() {
        Exchange done = send("direct:failing", "k8", Map.of());
        assertThat(done.getException())
                .isInstanceOf(DuneJournalException.class)
                .hasMessageContaining("'k8'")
                .hasMessageContaining("store down");
        assertThat(((DuneJournalException) done.getException()).isNothingDone()).isTrue();
        assertThat(requests()).isEmpty();
    }

    @Test
    void journalOptionsFailTheStart() {
        assertThatThrownBy(() -> context.getEndpoint("dune:execute?queryId=1&requestKey=${header.a}"))
                .hasStackTraceContaining("Invalid requestKey '${header.a}'")
                .hasStackTraceContaining("without a journal");
        assertThatThrownBy(() -> context.getEndpoint("dune:execute?queryId=1&executeUncertain=true"))
                .hasStackTraceContaining("Invalid executeUncertain");
        assertThatThrownBy(() -> context.getEndpoint("dune:execute?queryId=1&journal=#journal&requestKey=${header.a"))
                .hasStackTraceContaining("Invalid requestKey '${header.a'")
                .hasStackTraceContaining("Simple expression");
    }
}

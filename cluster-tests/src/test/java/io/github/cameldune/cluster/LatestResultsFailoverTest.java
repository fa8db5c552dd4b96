package io.github.cameldune.cluster;

import static io.github.cameldune.cluster.LeaderElectionTest.sleepUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameldune.emulator.DuneEmulatorExtension;
import io.github.cameldune.emulator.SampleQuery;
import io.github.cameldune.emulator.engine.Execution;
import io.github.cameldune.examples.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica JVMs run {@code from("dune:latestResults")} under leader election, with the results emitted kept in
 * Camel's Kafka idempotent repository on a real broker; the leader is killed with SIGKILL once. Each new result of the
 * query is emitted exactly once across the fail-over.
 */
@Timeout(600)
class LatestResultsFailoverTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker().withTopics(1, "dune-emitted");

    @Test
    void eachNewResultIsEmittedOnceAcrossTheFailOver(@TempDir Path locks) throws Exception {
        long start = System.nanoTime();
        List<Replicas.Did> emitted;
        String killed;
        try (Replicas replicas = new Replicas()) {
            replicas.startAll(
                    3, DUNE.emulator().baseUrl(), DUNE.emulator().apiKey(), locks, "latest", KAFKA.bootstrapServers());
            // the first result, emitted once a leader is up
            DUNE.emulator().engine().executeQuery(SampleQuery.TOP_TRADERS.id(), Map.of(), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> replicas.last() != null);
            assertThat(replicas.last())
                    .as("a leader emitted the first result:%n%s", replicas.output())
                    .isNotNull();
            start = System.nanoTime();
            // then a new result every 2 s; the leader is killed after 12 s
            for (int i = 1; i <= 12; i++) {
                DUNE.emulator().engine().executeQuery(SampleQuery.TOP_TRADERS.id(), Map.of(), null);
                sleepUntil(start, Duration.ofSeconds(2L * i));
                if (i == 6) {
                    killed = replicas.last();
                    assertThat(killed).as("a leader emitted").isNotNull();
                    replicas.kill(killed);
                }
            }
            sleepUntil(start, Duration.ofSeconds(26));
            emitted = replicas.done();
        }

        List<String> results = new ArrayList<>();
        for (Execution e : DUNE.emulator().engine().executions()) {
            results.add(e.snapshot().executionId());
        }
        Map<String, Long> times =
                emitted.stream().collect(Collectors.groupingBy(Replicas.Did::executionId, Collectors.counting()));
        System.out.printf("%d results, emitted: %s%n", results.size(), emitted);
        assertThat(times)
                .as("no result emitted twice")
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(emitted.stream().map(Replicas.Did::replica).distinct().count())
                .as("more than one replica emitted: the fail-over happened")
                .isGreaterThan(1);
        // each result was the latest for 2 s, longer than a take-over: every one was emitted
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(results);
    }
}

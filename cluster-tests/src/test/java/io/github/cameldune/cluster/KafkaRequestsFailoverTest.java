package io.github.cameldune.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.DuneEmulator;
import io.github.cameldune.emulator.DuneEmulatorProcessExtension;
import io.github.cameldune.examples.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replica JVMs of one application consume 3,000 requests from a Kafka topic into {@code dune:run} under the
 * execution journal (a compacted topic); one is killed with SIGKILL a third of the way through and restarted. Every
 * request ends with its rows on the results topic or an entry on the dead-letter topic, no request is executed twice,
 * and the only uncertain requests are those the killed replica had in flight. The emulator runs in its own JVM.
 */
@Timeout(600)
class KafkaRequestsFailoverTest {

    private static final int REQUESTS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final DuneEmulatorProcessExtension DUNE =
            new DuneEmulatorProcessExtension(List.of("-Xmx512m"), "--max-concurrent", "100");

    @RegisterExtension
    static final KafkaBroker KAFKA =
            new KafkaBroker().withTopics(6, "dune-requests").withTopics(1, "dune-results", "dune-dead-letters");

    @Test
    void noRequestIsLostOrExecutedTwiceAcrossASigkill(@TempDir Path locks) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            for (int n = 0; n < REQUESTS; n++) {
                producer.send(
                        new ProducerRecord<>("dune-requests", "req-" + n, "{\"start\": " + n + ", \"row_count\": 1}"));
            }
        }
        long started = System.nanoTime();
        Map<String, List<String>> results;
        Map<String, String> deadLetters;
        long inFlightWhenKilled;
        String killed = "r2";
        try (Replicas replicas = new Replicas()) {
            for (int r = 1; r <= 3; r++) {
                start(replicas, "r" + r, locks);
            }
            // a third done within 2 minutes, every replica alive meanwhile
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .failFast(
                            "a replica stopped",
                            () -> !(replicas.alive("r1") && replicas.alive("r2") && replicas.alive("r3")))
                    .until(() -> count(replicas, null, "done") >= REQUESTS / 3);
            replicas.kill(killed);
            // about time: its last lines, still in the pipe
            Thread.sleep(500);
            inFlightWhenKilled = count(replicas, killed, "start") - count(replicas, killed, "done");
            // about time: the replica stays down for 8 s, as a crash and a restart take
            Thread.sleep(8_000);
            start(replicas, killed + "-restarted", locks);

            results = new HashMap<>();
            deadLetters = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            try (KafkaConsumer<String, String> consumer = consumer()) {
                while (covered(results, deadLetters) < REQUESTS && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.topic().equals("dune-results")) {
                            // the row's number, and the execution it came from
                            results.computeIfAbsent(record.key(), k -> new ArrayList<>())
                                    .add(JSON.readTree(record.value())
                                                    .get(0)
                                                    .get("number")
                                                    .asText() + " " + header(record, "dune-execution-id"));
                        } else {
                            deadLetters.put(record.key(), header(record, "dune-error"));
                        }
                    }
                }
            }
            assertThat(covered(results, deadLetters))
                    .as("every request has its rows or a dead letter:%n%s", replicas.output())
                    .isEqualTo(REQUESTS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long executions = executionsCreated();
        System.out.printf(
                "%d requests in %.1f s: %d with rows (%d delivered more than once), %d dead letters %s, %d executions,"
                        + " %d in flight in the killed replica%n",
                REQUESTS,
                seconds,
                results.size(),
                results.values().stream().filter(v -> v.size() > 1).count(),
                deadLetters.size(),
                deadLetters.values(),
                executions,
                inFlightWhenKilled);

        results.forEach((key, values) -> {
            // each delivery carries the same row and the same execution: a redelivery was answered, not run again
            assertThat(values.stream().map(v -> v.split(" ")[1]).distinct())
                    .as(key)
                    .hasSize(1);
            assertThat(values.iterator().next()).as(key).startsWith(key.substring("req-".length()) + " ");
        });
        assertThat(deadLetters.values())
                .as("the only dead letters are uncertain requests")
                .allSatisfy(v -> assertThat(v).startsWith("DuneUncertainExecutionException: "));
        assertThat((long) deadLetters.size())
                .as("uncertain requests are at most those in flight in the killed replica")
                .isLessThanOrEqualTo(inFlightWhenKilled);
        assertThat(executions)
                .as("executions: one per request with rows, at most one per uncertain one")
                .isLessThanOrEqualTo(REQUESTS)
                .isBetween((long) results.size(), (long) results.size() + deadLetters.size());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void start(Replicas replicas, String name, Path locks) throws Exception {
        replicas.start(
                name,
                DUNE.process().baseUrl(),
                DuneEmulator.DEFAULT_API_KEY,
                locks,
                "requests",
                KAFKA.bootstrapServers());
    }

    private static long count(Replicas replicas, String replica, String verb) {
        return replicas.done().stream()
                .filter(d ->
                        d.verb().equals(verb) && (replica == null || d.replica().equals(replica)))
                .count();
    }

    private static int covered(Map<String, ?> results, Map<String, ?> deadLetters) {
        Set<String> keys = new HashSet<>(results.keySet());
        keys.addAll(deadLetters.keySet());
        return keys.size();
    }

    private static KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        List<TopicPartition> partitions =
                List.of(new TopicPartition("dune-results", 0), new TopicPartition("dune-dead-letters", 0));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static long executionsCreated() throws Exception {
        return DUNE.process().stats().get("executionsCreated").asLong();
    }
}

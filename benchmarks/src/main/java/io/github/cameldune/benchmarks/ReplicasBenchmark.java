package io.github.cameldune.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameldune.examples.EmbeddedKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * The same workload on 1, 2 and 3 replica JVMs of the example {@code KafkaReplicaRoutes} (a Kafka consumer group
 * running each request with {@code dune:run} under the Kafka execution journal): requests a second, and executions
 * per request, read off the emulator. An in-process KRaft broker; each replica count gets its own topics and group.
 */
public final class ReplicasBenchmark {

    private static final int REQUESTS = 300;
    private static final int WARM_UP = 12;

    private ReplicasBenchmark() {}

    /** {@code ReplicasBenchmark <baseUrl> <apiKey>}; the JVM ends with it, whatever threads are left. */
    public static void main(String[] args) {
        Bench.main(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = args[0];
        String apiKey = args[1];
        ObjectNode result = Bench.result(
                "replicas",
                "6. Replicas: one workload on 1, 2 and 3 replica JVMs",
                String.format(
                        "%d requests (after %d to warm up) of a 0.5 s query on a Kafka topic of 12 partitions, consumed"
                                + " by the example KafkaReplicaRoutes (2 consumers a replica, dune:run under the "
                                + "Kafka execution journal, rows to a results topic) in 1, 2 and 3 replica JVMs of "
                                + "-Xmx128m on this machine; executions read off the emulator",
                        REQUESTS, WARM_UP));
        KafkaClusterTestKit kafka = EmbeddedKafka.start();
        double oneReplica = 0;
        try (CloseableHttpClient http = Bench.bareClient()) {
            for (int replicas = 1; replicas <= 3; replicas++) {
                String run = String.valueOf(replicas);
                EmbeddedKafka.createTopics(kafka, 12, "dune-requests-" + run);
                EmbeddedKafka.createTopics(kafka, 1, "dune-results-" + run);
                List<Process> processes = new ArrayList<>();
                try (KafkaProducer<String, String> producer = producer(kafka);
                        KafkaConsumer<String, String> results = results(kafka, run)) {
                    for (int r = 1; r <= replicas; r++) {
                        processes.add(replica(baseUrl, apiKey, kafka.bootstrapServers(), "r" + r, run));
                    }
                    send(producer, run, 0, WARM_UP);
                    await(results, WARM_UP);
                    long before = Bench.emulatorStats(http, baseUrl)
                            .get("executionsCreated")
                            .asLong();
                    long start = System.nanoTime();
                    send(producer, run, WARM_UP, REQUESTS);
                    await(results, REQUESTS);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long executions = Bench.emulatorStats(http, baseUrl)
                                    .get("executionsCreated")
                                    .asLong()
                            - before;
                    double perSecond = REQUESTS / seconds;
                    if (replicas == 1) {
                        oneReplica = perSecond;
                    }
                    Bench.say(
                            "%d replica(s): %.1f requests/s, %d executions for %d requests",
                            replicas, perSecond, executions, REQUESTS);
                    ObjectNode figures = (ObjectNode) result.get("figures");
                    figures.put(replicas + " replica(s): requests a second", String.format("%.1f", perSecond));
                    figures.put(
                            replicas + " replica(s): executions per request",
                            String.format("%.3f", (double) executions / REQUESTS));
                    Bench.target(
                            result,
                            replicas + " replica(s): one execution per request",
                            executions + " for " + REQUESTS,
                            executions == REQUESTS);
                    if (replicas == 3) {
                        Bench.target(
                                result,
                                "3 replicas: at least 2x the throughput of 1",
                                String.format("%.2fx", perSecond / oneReplica),
                                perSecond >= 2 * oneReplica);
                    }
                } finally {
                    processes.forEach(Process::destroyForcibly);
                    for (Process p : processes) {
                        p.waitFor();
                    }
                }
            }
        } finally {
            kafka.close();
        }
        ((com.fasterxml.jackson.databind.node.ArrayNode) result.get("notes"))
                .add("All replicas share this machine's cores with the emulator and the broker, so this shows what "
                        + "adding consumers to the group gives while Dune (here a 0.5 s query) is what each request "
                        + "waits for; executions per request is 1.000 when no request is executed twice.");
        Bench.emit(result);
    }

    private static Process replica(String baseUrl, String apiKey, String brokers, String name, String run)
            throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReplicaProcess.class.getName(),
                        baseUrl,
                        apiKey,
                        brokers,
                        name,
                        run)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static KafkaProducer<String, String> producer(KafkaClusterTestKit kafka) {
        return new KafkaProducer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()));
    }

    private static void send(KafkaProducer<String, String> producer, String run, int from, int count) {
        for (int n = from; n < from + count; n++) {
            producer.send(new ProducerRecord<>("dune-requests-" + run, "req-" + n, "{\"n\": " + n + "}"));
        }
        producer.flush();
    }

    private static KafkaConsumer<String, String> results(KafkaClusterTestKit kafka, String run) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        List<TopicPartition> partition = List.of(new TopicPartition("dune-results-" + run, 0));
        consumer.assign(partition);
        consumer.seekToBeginning(partition);
        return consumer;
    }

    /** Waits until so many new results arrived (at most 5 minutes). */
    private static void await(KafkaConsumer<String, String> results, int count) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        int seen = 0;
        while (seen < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + count + " results in 5 minutes");
            }
            seen += results.poll(java.time.Duration.ofMillis(100)).count();
        }
    }
}

package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests in, executions and results out, through a real Kafka broker started in-process in KRaft mode. */
class KafkaAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void requestsBecomeExecutionsAndResults() throws Exception {
        Main main = ExampleRunner.create(new KafkaRoutes(), "kafka.properties", DUNE.emulator());
        main.addOverrideProperty("example.brokers", kafka.bootstrapServers());
        main.start();
        try {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
                producer.send(
                                new ProducerRecord<>(
                                        "dune-requests",
                                        "w1",
                                        "{\"query_id\": 1003, \"parameters\": "
                                                + "{\"wallet\": \"0xe03b4de29ba24ee38cc640a73f40db50dd52f479\", \"max_rows\": 3}}"))
                        .get();
                producer.send(new ProducerRecord<>("dune-requests", "t1", "{\"query_id\": 1002}"))
                        .get();
            }
            List<String> executions = read("dune-executions", 2);
            List<String> results = read("dune-results", 2);
            ObjectMapper json = new ObjectMapper();
            for (String execution : executions) {
                Map<String, Object> e = json.readValue(execution, new TypeReference<>() {});
                assertThat(e.get("execution_id").toString()).hasSize(26);
                assertThat(e.get("state").toString()).startsWith("QUERY_STATE_");
            }
            List<Integer> sizes = new ArrayList<>();
            for (String result : results) {
                List<Map<String, Object>> rows = json.readValue(result, new TypeReference<>() {});
                sizes.add(rows.size());
            }
            assertThat(sizes).containsExactlyInAnyOrder(3, 10);
            assertThat(DUNE.emulator().executionsCreated()).isEqualTo(2);
        } finally {
            main.stop();
        }
    }

    private static Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    private static List<String> read(String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        assertThat(values).as("messages on " + topic).hasSize(count);
        return values;
    }
}

package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests in, executions and results out, through a real Kafka broker started in-process in KRaft mode. */
@Timeout(120)
class KafkaAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void requestsBecomeExecutionsAndResults() throws Exception {
        Main main = ExampleRunner.create(new KafkaRoutes(), "kafka.properties", DUNE.emulator());
        main.addOverrideProperty("example.brokers", KAFKA.bootstrapServers());
        main.start();
        try {
            KafkaTopics.send(
                    KAFKA.bootstrapServers(),
                    "dune-requests",
                    "r",
                    List.of(
                            "{\"query_id\": 1003, \"parameters\": "
                                    + "{\"wallet\": \"0xe03b4de29ba24ee38cc640a73f40db50dd52f479\", \"max_rows\": 3}}",
                            "{\"query_id\": 1002}"));
            List<String> executions = KafkaTopics.read(KAFKA.bootstrapServers(), "dune-executions", 2);
            List<String> results = KafkaTopics.read(KAFKA.bootstrapServers(), "dune-results", 2);
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
}

package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameldune.emulator.ApiEndpoint;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ten wallet labels on a real Kafka topic become three inserts (4 and 4 by size, 2 by time) into one table, and after
 * each the saved query joining the table with the trades publishes the labels' volume.
 */
@Timeout(120)
class KafkaBatchAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void eventsAreInsertedInBatchesAndTheJoinedResultPublished() throws Exception {
        DUNE.emulator().queries().add(KafkaBatchApp.joinQuery());
        Main main = ExampleRunner.create(new KafkaBatchRoutes(), "kafka-batch.properties", DUNE.emulator());
        main.addOverrideProperty("example.brokers", KAFKA.bootstrapServers());
        main.addOverrideProperty("example.batch-size", "4");
        main.addOverrideProperty("example.batch-timeout", "1500");
        main.start();
        try {
            List<String> events = new ArrayList<>();
            for (int id = 0; id < 10; id++) {
                events.add("{\"wallet\": \"" + trader(id) + "\", \"label\": \"" + (id < 5 ? "exchange" : "fund")
                        + "\", \"seen_at\": \"2026-11-0" + (1 + id % 9) + "T00:00:00\"}");
            }
            // one key: one partition, so the batches are the events in order
            KafkaTopics.send(KAFKA.bootstrapServers(), "wallet-labels", "labels", events);
            List<Map<String, Long>> results = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String result : KafkaTopics.read(KAFKA.bootstrapServers(), "labelled-volume", 3)) {
                List<Map<String, Object>> rows = json.readValue(result, new TypeReference<>() {});
                results.add(rows.stream()
                        .collect(Collectors.toMap(
                                r -> (String) r.get("label"), r -> ((Number) r.get("trades")).longValue())));
            }
            // wallets 0-3, then 0-7, then all ten: each join sees the rows inserted so far
            assertThat(results.get(0)).containsOnlyKeys("exchange");
            assertThat(results.get(1)).containsOnlyKeys("exchange", "fund");
            assertThat(results.get(2).get("exchange"))
                    .isGreaterThan(results.get(0).get("exchange"));
            assertThat(results.get(2).get("fund")).isGreaterThan(results.get(1).get("fund"));
            assertThat(DUNE.emulator().requestCount(ApiEndpoint.UPLOAD_CREATE)).isEqualTo(1);
            assertThat(DUNE.emulator().requestCount(ApiEndpoint.UPLOAD_INSERT)).isEqualTo(3);
        } finally {
            main.stop();
        }
    }

    /** The address of the emulator's trader {@code id}, as its sample data makes it. */
    private static String trader(int id) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String a = HexFormat.of().formatHex(md5.digest(("trader" + id).getBytes(StandardCharsets.UTF_8)));
        String b = HexFormat.of().formatHex(md5.digest(("trader-" + id).getBytes(StandardCharsets.UTF_8)));
        return "0x" + a + b.substring(0, 8);
    }
}

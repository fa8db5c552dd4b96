package io.github.cameldune.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.journal.KafkaStateRepository;
import io.github.cameldune.examples.EmbeddedKafka;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The journal's repository on a real broker: what one replica wrote, another reads at once; one started later reads
 * everything; the topic it creates is compacted.
 */
class KafkaStateRepositoryTest {

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
    void aWriteOnOneReplicaIsReadOnAnotherAtOnce() throws Exception {
        KafkaStateRepository a = new KafkaStateRepository("journal-test", kafka.bootstrapServers());
        KafkaStateRepository b = new KafkaStateRepository("journal-test", kafka.bootstrapServers());
        a.start();
        b.start();
        try {
            for (int i = 0; i < 50; i++) {
                a.setState("k" + i, "pending " + i);
                assertThat(b.getState("k" + i)).isEqualTo("pending " + i);
                b.setState("k" + i, "execution " + i);
                assertThat(a.getState("k" + i)).isEqualTo("execution " + i);
            }
            assertThat(a.getState("never")).isNull();
        } finally {
            a.stop();
            b.stop();
        }
        KafkaStateRepository later = new KafkaStateRepository("journal-test", kafka.bootstrapServers());
        later.start();
        try {
            assertThat(later.getState("k49")).isEqualTo("execution 49");
        } finally {
            later.stop();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "journal-test");
            ConfigEntry policy = admin.describeConfigs(java.util.List.of(topic))
                    .all()
                    .get()
                    .get(topic)
                    .get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
    }
}

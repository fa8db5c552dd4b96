package io.github.cameldune.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.journal.KafkaStateRepository;
import io.github.cameldune.examples.KafkaBroker;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journal's repository on a real broker: what one replica wrote, another reads at once; one started later reads
 * everything; the topic it creates is compacted.
 */
@Timeout(600)
class KafkaStateRepositoryTest {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @Test
    void aWriteOnOneReplicaIsReadOnAnotherAtOnce() throws Exception {
        KafkaStateRepository a = new KafkaStateRepository("journal-test", KAFKA.bootstrapServers());
        KafkaStateRepository b = new KafkaStateRepository("journal-test", KAFKA.bootstrapServers());
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
        KafkaStateRepository later = new KafkaStateRepository("journal-test", KAFKA.bootstrapServers());
        later.start();
        try {
            assertThat(later.getState("k49")).isEqualTo("execution 49");
        } finally {
            later.stop();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
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

package io.github.cameldune.examples;

import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker in this JVM, in KRaft mode (one combined node, no container), for the Kafka examples' tests, the
 * replicas' tests and the replicas benchmark.
 */
public final class EmbeddedKafka {

    private EmbeddedKafka() {}

    /** Starts a broker and waits until it is ready; close it when done. */
    public static KafkaClusterTestKit start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                // one broker: internal topics with one replica, and no wait before the first group rebalance
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    /** Creates topics of so many partitions each. */
    public static void createTopics(KafkaClusterTestKit kafka, int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(Arrays.stream(topics)
                            .map(t -> new NewTopic(t, partitions, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }
}

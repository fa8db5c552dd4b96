package io.github.cameldune.cluster;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real Kafka broker in this JVM, in KRaft mode (one combined node), as the replicas' tests use it. */
final class Broker {

    private Broker() {}

    /** Starts a broker and waits until it is ready. */
    static KafkaClusterTestKit start() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
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

    /** Creates topics of so many partitions each, before the replicas start rather than by the first of them. */
    static void createTopics(KafkaClusterTestKit kafka, int partitions, String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(java.util.Arrays.stream(topics)
                            .map(t -> new NewTopic(t, partitions, (short) 1))
                            .toList())
                    .all()
                    .get();
        }
    }
}

package io.github.cameldune.examples;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link EmbeddedKafka} broker for a test class ({@code @RegisterExtension static final KafkaBroker KAFKA = new
 * KafkaBroker();}): started with its topics before the class's tests, closed after them.
 */
public final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {

    private final List<Object[]> wanted = new ArrayList<>();
    private KafkaClusterTestKit kafka;

    /** Creates these topics, of so many partitions each, once the broker is ready. */
    public KafkaBroker withTopics(int partitions, String... names) {
        wanted.add(new Object[] {partitions, names});
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka = EmbeddedKafka.start();
        for (Object[] w : wanted) {
            EmbeddedKafka.createTopics(kafka, (Integer) w[0], (String[]) w[1]);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The broker's address, for clients and routes. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}

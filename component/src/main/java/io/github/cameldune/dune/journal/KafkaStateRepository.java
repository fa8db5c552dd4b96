package io.github.cameldune.dune.journal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Camel {@link StateRepository} on a compacted Kafka topic, for an execution journal the replicas of an application
 * share ({@code journal=#journal}). A write returns once the broker has it ({@code acks=all}); a read first catches up
 * with the topic's end, so it sees every write acknowledged before it began, whichever replica made it. Each replica
 * keeps the topic's latest value per key in memory. Needs {@code org.apache.kafka:kafka-clients} on the class path
 * (camel-kafka brings it).
 * <p>
 * The topic is created, compacted with one partition, when missing; to forget keys older than any redelivery, give it
 * {@code cleanup.policy=compact,delete} and a {@code retention.ms}. Security settings of the client (SASL, TLS) go in
 * {@link #setConfiguration(Map)}; they are never logged.
 */
public class KafkaStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaStateRepository.class);

    private String topic;
    private String bootstrapServers;
    private Map<String, Object> configuration = Map.of();
    private Duration timeout = Duration.ofSeconds(10);

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private List<TopicPartition> partitions;

    /** A repository to configure with its setters. */
    public KafkaStateRepository() {}

    /** A repository on a topic of a Kafka cluster. */
    public KafkaStateRepository(String topic, String bootstrapServers) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    protected void doStart() throws Exception {
        if (topic == null || bootstrapServers == null) {
            throw new IllegalArgumentException("KafkaStateRepository needs a topic and bootstrapServers");
        }
        Map<String, Object> common = new HashMap<>(configuration);
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        createTopicIfMissing(common);

        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(producerConfig);

        // no consumer group: every replica reads the whole topic
        Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(consumerConfig);
        partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        catchUp();
        LOG.info("Execution journal on Kafka topic {} at {}: {} keys", topic, bootstrapServers, values.size());
    }

    private void createTopicIfMissing(Map<String, Object> common) throws Exception {
        try (Admin admin = Admin.create(common)) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                NewTopic compacted = new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact"));
                try {
                    admin.createTopics(List.of(compacted)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException race) {
                    if (!(race.getCause() instanceof TopicExistsException)) {
                        throw race;
                    }
                }
            }
        }
    }

    @Override
    protected void doStop() {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
        synchronized (this) {
            if (consumer != null) {
                consumer.close(timeout);
                consumer = null;
            }
        }
    }

    /** The key's latest value on the topic, after catching up with its end; null when none. */
    @Override
    public String getState(String key) {
        catchUp();
        return values.get(key);
    }

    /** Writes the key's value to the topic and returns once the broker has it. */
    @Override
    public void setState(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeCamelException("Interrupted writing to Kafka topic " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RuntimeCamelException("Could not write to Kafka topic " + topic + ": " + e, e);
        }
        values.put(key, value);
    }

    /** Reads the topic up to the end it has now. */
    private synchronized void catchUp() {
        if (consumer == null) {
            throw new IllegalStateException("KafkaStateRepository on " + topic + " is not started");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), timeout) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new RuntimeCamelException("Could not read Kafka topic " + topic + " to its end in " + timeout);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value() == null) {
                    values.remove(record.key());
                } else {
                    values.put(record.key(), record.value());
                }
            }
        }
    }

    /** The topic of the journal. */
    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** The Kafka cluster, as {@code host:port[,host:port]}. */
    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Further Kafka client settings (security, for instance), for the producer, the consumer and the admin client. */
    public Map<String, Object> getConfiguration() {
        return configuration;
    }

    public void setConfiguration(Map<String, Object> configuration) {
        this.configuration = Map.copyOf(configuration);
    }

    /** How long a write or a catch-up may take before it fails (default 10 s). */
    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}

package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kubernetes sketch of the guide sets what {@link KafkaReplicaApp} reads: the key from a secret and the brokers by
 * environment variable, and the pod's name (HOSTNAME) is the replica's.
 */
@Timeout(120)
class KubernetesSketchTest {

    @Test
    void theManifestSetsTheVariablesTheApplicationReads() throws Exception {
        String manifest = Files.readString(Path.of("src/main/resources/kubernetes/kafka-replicas.yaml"));
        String properties = Files.readString(Path.of("src/main/resources/kafka-replicas.properties"));
        for (String variable : new String[] {"DUNE_API_KEY", "KAFKA_BOOTSTRAP_SERVERS"}) {
            assertThat(manifest).contains("- name: " + variable);
            assertThat(properties).contains("{{env:" + variable);
        }
        assertThat(manifest).contains("secretKeyRef:").contains("replicas: 3");
        assertThat(properties).contains("example.replica = {{env:HOSTNAME:replica}}");
    }
}

package io.github.cameldune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.cameldune.emulator.DuneEmulatorExtension;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rows of a run arrive as a JSON array at a webhook on loopback. */
@Timeout(120)
class WebhookAppTest {

    @RegisterExtension
    static final DuneEmulatorExtension DUNE = new DuneEmulatorExtension();

    @Test
    void postsTheRowsAsJson() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/dune-webhook", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            Main main = ExampleRunner.create(new WebhookRoutes(), "webhook.properties", DUNE.emulator());
            main.addOverrideProperty(
                    "example.webhook-url",
                    "http://127.0.0.1:" + hook.getAddress().getPort() + "/dune-webhook");
            main.run(new String[0]);
        } finally {
            hook.stop(0);
        }
        assertThat(received).hasSize(1);
        assertThat(contentTypes.get(0)).startsWith("application/json");
        List<Map<String, Object>> rows = new ObjectMapper().readValue(received.get(0), new TypeReference<>() {});
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).keySet()).containsExactly("day", "project", "trades", "volume_usd");
    }
}

package io.github.cameldune.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.util.json.Jsoner;

/**
 * A small HTTP server, started and stopped with Camel: {@code GET /metrics} is the Prometheus scrape, and
 * {@code GET /q/dev/dune} the {@code dune} dev console as JSON ({@code ?format=text} for text; the console's options,
 * such as {@code ?query=1002}, as query parameters).
 */
public final class MetricsHttpServer extends ServiceSupport implements CamelContextAware {

    private final PrometheusMeterRegistry prometheus;
    private final String host;
    private final int port;
    private CamelContext context;
    private HttpServer server;
    private DevConsole console;

    /** A server for the registry on {@code host:port} (0 for any free port). */
    public MetricsHttpServer(PrometheusMeterRegistry prometheus, String host, int port) {
        this.prometheus = prometheus;
        this.host = host;
        this.port = port;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    /** The port it listens on, once started. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    protected void doStart() throws Exception {
        console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("dune");
        ServiceHelper.startService(console);
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/metrics", exchange -> send(exchange, "text/plain; version=0.0.4", prometheus.scrape()));
        server.createContext("/q/dev/dune", exchange -> {
            // the query's parameters are the console's options: ?execution=01..., ?query=1002, ?budget=true
            Map<String, Object> options = new java.util.HashMap<>();
            String query = exchange.getRequestURI().getQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                options.put(kv[0], kv.length == 2 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            boolean text = "text".equals(options.get("format"));
            Object body = console.call(text ? DevConsole.MediaType.TEXT : DevConsole.MediaType.JSON, options);
            send(
                    exchange,
                    text ? "text/plain" : "application/json",
                    text ? (String) body : Jsoner.serialize((Map<?, ?>) body));
        });
        server.start();
        org.slf4j.LoggerFactory.getLogger(MetricsHttpServer.class)
                .info("camel-dune metrics at http://{}:{}/metrics, dev console at /q/dev/dune", host, port());
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    protected void doStop() {
        if (server != null) {
            server.stop(0);
        }
        ServiceHelper.stopService(console);
    }
}

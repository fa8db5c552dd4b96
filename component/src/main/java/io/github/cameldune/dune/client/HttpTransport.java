package io.github.cameldune.dune.client;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled, non-blocking Apache HttpClient 5 that carries every Dune request of a component: a few I/O threads for
 * any number of requests in flight.
 */
public final class HttpTransport implements AutoCloseable {

    /** The User-Agent sent with every request: {@code camel-dune/<version>}. */
    public static final String USER_AGENT = "camel-dune/" + version();

    private final CloseableHttpAsyncClient client;

    /**
     * Builds and starts the client.
     *
     * @param sslContext the TLS context, or null for the JVM's default
     */
    public HttpTransport(Duration connectTimeout, SSLContext sslContext, int maxConnections, String userAgent) {
        var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections);
        if (sslContext != null) {
            connections.setTlsStrategy(
                    ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).build())
                // retrying is camel-dune's decision: a re-sent execute is a second billed execution
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                // no wire logging: it would print the X-Dune-Api-Key header at DEBUG
                .setIoSessionDecorator(session -> session)
                .setUserAgent(userAgent);
        withoutCompression(builder);
        client = builder.build();
        client.start();
    }

    /**
     * No Accept-Encoding: a small gzip answer can inflate without bound (maxAnswerSize counts bytes read). HttpClient
     * 5.6 (Camel 4.22) added compression to the async client, on by default; 5.5 and older (Camel 4.18 and 4.17) have
     * neither the feature nor the switch, so the switch is looked up rather than linked.
     */
    private static void withoutCompression(HttpAsyncClientBuilder builder) {
        try {
            HttpAsyncClientBuilder.class.getMethod("disableContentCompression").invoke(builder);
        } catch (NoSuchMethodException olderClient) {
            // never asks for compressed answers
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot turn off HttpClient's content compression", e);
        }
    }

    /** The started client. */
    public CloseableHttpAsyncClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private static String version() {
        try (java.io.InputStream in =
                HttpTransport.class.getResourceAsStream("/io/github/cameldune/dune/camel-dune.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}

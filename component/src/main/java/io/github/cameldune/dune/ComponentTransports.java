package io.github.cameldune.dune;

import io.github.cameldune.dune.client.HttpTransport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/** A component's HTTP connection pools: one per distinct connect timeout and TLS configuration, normally one. */
final class ComponentTransports {

    private static final int MAX_CONNECTIONS = 200;

    private record Key(long connectTimeout, SSLContextParameters ssl) {}

    private final Map<Key, HttpTransport> transports = new HashMap<>();

    /** The pool for an endpoint's connect timeout and TLS settings, created when first needed. */
    synchronized HttpTransport transport(DuneConfiguration config, CamelContext context) throws Exception {
        Key key = new Key(config.getConnectTimeout(), config.getSslContextParameters());
        HttpTransport transport = transports.get(key);
        if (transport == null) {
            SSLContext ssl = key.ssl() == null ? null : key.ssl().createSSLContext(context);
            transport = new HttpTransport(
                    Duration.ofMillis(key.connectTimeout()), ssl, MAX_CONNECTIONS, HttpTransport.USER_AGENT);
            transports.put(key, transport);
        }
        return transport;
    }

    /** Closes every pool. */
    synchronized void close() {
        transports.values().forEach(HttpTransport::close);
        transports.clear();
    }
}

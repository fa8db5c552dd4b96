package io.github.cameldune.dune;

import io.github.cameldune.dune.exception.DuneApiException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's checks of its connection to Dune: one health check per base URL and key, shared by the producers that
 * use them, with an id stable across starts; and the optional check of the key when endpoints start.
 */
final class ComponentHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentHealth.class);

    /** A base URL with the key used on it; it never prints the key. */
    private record KeyedUrl(String baseUrl, String apiKey) {
        @Override
        public String toString() {
            return baseUrl;
        }

        static KeyedUrl of(DuneEndpoint endpoint) {
            return new KeyedUrl(
                    endpoint.getConfiguration().getBaseUrl().replaceAll("/+$", ""),
                    endpoint.getConfiguration().getApiKey());
        }
    }

    private static final class SharedCheck {
        final DuneHealthCheck check;
        int users;

        SharedCheck(DuneHealthCheck check) {
            this.check = check;
        }
    }

    private final Map<KeyedUrl, SharedCheck> checks = new HashMap<>();
    /** The base URLs and keys checked at start already. */
    private final Set<KeyedUrl> validated = new HashSet<>();

    /**
     * The health check of an endpoint's base URL and key, created with the first producer that uses them. Its id is
     * stable across starts: {@code producer:dune-<component>-<host and path>}, with {@code -2}, {@code -3}... for
     * further keys on the same URL, in the order routes start.
     */
    synchronized DuneHealthCheck check(DuneEndpoint endpoint, CamelContext context, DuneComponent component) {
        String componentName = "dune";
        for (String name : context.getComponentNames()) {
            if (context.hasComponent(name) == component) {
                componentName = name;
            }
        }
        KeyedUrl key = KeyedUrl.of(endpoint);
        SharedCheck shared = checks.get(key);
        if (shared == null) {
            long sameUrl = checks.keySet().stream()
                    .filter(k -> k.baseUrl().equals(key.baseUrl()))
                    .count();
            String id = "producer:dune-" + componentName + "-"
                    + key.baseUrl().replaceFirst("^https?://", "").replaceAll("[^A-Za-z0-9.]+", "-")
                    + (sameUrl == 0 ? "" : "-" + (sameUrl + 1));
            shared = new SharedCheck(new DuneHealthCheck(endpoint, id));
            checks.put(key, shared);
        }
        shared.users++;
        return shared.check;
    }

    /** Whether the producer giving up its check was the last to use it, which may then be unregistered. */
    synchronized boolean release(DuneEndpoint endpoint) {
        KeyedUrl key = KeyedUrl.of(endpoint);
        SharedCheck shared = checks.get(key);
        if (shared != null && --shared.users <= 0) {
            checks.remove(key);
            return true;
        }
        return false;
    }

    /**
     * One free request per base URL and key, when the first endpoint using them starts: a rejected key fails the
     * start. A failure that may pass (Dune unreachable) is logged and does not.
     */
    void validateApiKey(DuneEndpoint endpoint) {
        KeyedUrl key = KeyedUrl.of(endpoint);
        synchronized (this) {
            if (validated.contains(key)) {
                return;
            }
        }
        DuneApiException failure = DuneHealthCheck.probe(endpoint);
        if (failure != null && DuneHealthCheck.isRejectedKey(failure)) {
            throw failure;
        }
        if (failure != null) {
            LOG.warn(
                    "Could not check the Dune API key at start ({}); the first request will tell",
                    failure.getMessage());
            return;
        }
        synchronized (this) {
            validated.add(key);
        }
    }
}

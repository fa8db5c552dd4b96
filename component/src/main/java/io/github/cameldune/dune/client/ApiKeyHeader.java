package io.github.cameldune.dune.client;

import org.apache.hc.core5.http.Header;

/**
 * The {@code X-Dune-Api-Key} header. HttpClient writes a header on the wire from {@link #getValue()}, but its DEBUG
 * header log prints {@link #toString()}, which masks the key.
 */
final class ApiKeyHeader implements Header {

    private final String key;

    ApiKeyHeader(String key) {
        this.key = key;
    }

    @Override
    public String getName() {
        return DuneClient.API_KEY_HEADER;
    }

    @Override
    public String getValue() {
        return key;
    }

    @Override
    public boolean isSensitive() {
        return true;
    }

    @Override
    public String toString() {
        return DuneClient.API_KEY_HEADER + ": xxxxxx";
    }
}

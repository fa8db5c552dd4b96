package io.github.cameldune.dune.client;

/** Where the API key travels. */
public enum ApiKeyLocation {
    /** The {@code X-Dune-Api-Key} header (the default). */
    header,
    /** The {@code api_key} query parameter: it ends up in proxy and access logs, so prefer the header. */
    query
}

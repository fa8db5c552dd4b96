package io.github.cameldune.dune.model;

/**
 * A body camel-dune puts on a message. Each converts to a JSON {@code String} and to a {@code Map} with Dune's field
 * names, through Camel's type converters.
 */
public interface DuneModel {}

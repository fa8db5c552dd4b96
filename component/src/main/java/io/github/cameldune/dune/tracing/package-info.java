/**
 * The {@code dune} span under camel-telemetry: {@link io.github.cameldune.dune.tracing.DuneSpanDecorator}, the only
 * class of camel-dune that needs camel-telemetry, which is optional and found through {@code ServiceLoader}.
 */
package io.github.cameldune.dune.tracing;

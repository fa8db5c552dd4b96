/**
 * The Camel shell of the {@code dune:} component: the component with its options and what its endpoints share
 * (threads, HTTP pools, health checks, credits, the stop), the endpoint and its options, the producer and the
 * consumer, the option checks made before anything is sent, the headers, the type converters, the JMX attributes and
 * the {@code dune} dev console.
 *
 * <p>It builds the rest: a {@link io.github.cameldune.dune.client.DuneClient} per endpoint, the handlers
 * ({@code handler}) that do the operations, the waiter ({@code waiting}) and the books ({@code credits}). Nothing
 * below it knows Camel's component model; {@code handler} reads the endpoint's options from
 * {@link io.github.cameldune.dune.DuneConfiguration}.
 */
package io.github.cameldune.dune;

/**
 * The Dune API emulator: a local server that answers the Dune API v1 as Dune does, from an embedded DuckDB over
 * sample data, with fault injection. {@code DuneEmulator} embeds it (with {@code reset()}), {@code DuneEmulatorExtension}
 * gives one to a JUnit 5 test class, {@code DuneEmulatorMain} runs it on its own, {@code DuneEmulatorProcess} in a JVM
 * of its own; {@code SampleQuery} names the saved queries it comes with and {@code ApiEndpoint} the endpoints.
 *
 * <p>The protocol ({@code http}) is apart from the engine ({@code engine}): the engine knows nothing of HTTP.
 */
package io.github.cameldune.emulator;

/**
 * Injected answers (an HTTP status with Dune's error body, a raw body, a dropped connection, latency, before or after
 * the work is done) and Dune's per-plan rate limits, set from Java, from a JSON plan ({@code FaultPlan}) or through the
 * admin endpoint. It uses the emulator's {@code ApiEndpoint} and {@code engine}'s settings.
 */
package io.github.cameldune.emulator.faults;

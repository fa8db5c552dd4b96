/**
 * A component's figures: {@code DuneMetrics} counts executions by {@code Outcome}, times, polls, retries, rate-limit
 * waits, credits and results, with bounded tags, and lists the executions waited on and the last errors. JMX, the dev
 * console and Micrometer read the same figures; {@code MicrometerBinding} is the only class that needs Micrometer,
 * which is optional. It uses {@code model} and {@code exception}.
 */
package io.github.cameldune.dune.metrics;

/**
 * The Dune API client: one asynchronous method per Dune endpoint, no Camel types. {@code DuneCall} types each call
 * (write, rate-limit bucket, billing); {@code DuneUrls} builds requests; {@code Sender} sends them through the three
 * throttles (the rate limiter, the pace of Dune's {@code RateLimit} headers, the gate on requests in flight), retries
 * what the {@code RetryPolicy} allows and bounds every answer in time and size; {@code ApiResponse} reads an answer into
 * the {@code model} types, {@code Failures} turns anything else into a {@code DuneApiException}.
 *
 * <p>It may use {@code model}, {@code exception}, {@code metrics} and {@code reading}. Of money it knows only
 * {@link io.github.cameldune.dune.client.CostReport}, where it says what each answer billed; budgets live in
 * {@code credits}.
 */
package io.github.cameldune.dune.client;

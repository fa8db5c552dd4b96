/**
 * The one exception tree, {@code DuneException}, with three branches: {@code DuneInvalidInputException} (before any
 * request), {@code DuneApiException} (a call failed, with its HTTP status; types of their own for the failures routes
 * handle differently) and {@code DuneExecutionException} (an execution ended without a readable result). Whether a
 * failure may pass ({@code isTransient}) and whether it certainly did nothing ({@code isNothingDone}) are properties of
 * the type. It names calls and states from {@code client} and {@code model}, and holds no logic beyond its messages.
 */
package io.github.cameldune.dune.exception;

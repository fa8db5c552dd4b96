/**
 * The protocol: the JDK HTTP server, the key check and Dune's error bodies ({@code DuneApiServer}), the table of
 * routes and their handlers ({@code ApiRoutes}, {@code UploadRoutes}, {@code QueryRoutes}), one request being answered
 * ({@code ApiExchange}), Dune's JSON shapes ({@code ExecutionJson}), the faults and rate limits in front of every
 * endpoint ({@code FaultGate}), what was received ({@code RequestStats}) and the emulator's own {@code /emulator/}
 * controls. It answers from {@code engine} and uses {@code faults}.
 */
package io.github.cameldune.emulator.http;

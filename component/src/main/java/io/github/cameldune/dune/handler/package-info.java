/**
 * What each operation does with an exchange: {@code OperationHandlers} picks the handler of an endpoint's operation in
 * one exhaustive switch, and gives the consumers their typed pollers. A handler reads its input with
 * {@code MessageInput} (header, then body, then option; bad input fails before any request), sends billed requests
 * through the endpoint's {@code CreditGuard}, follows executions with {@code ExecutionFlow} (journal, waiter, results)
 * and writes its output with {@code OutputHeaders} and {@code ResultsReader}.
 *
 * <p>It may use the Camel shell's options and headers, {@code client}, {@code credits}, {@code journal},
 * {@code waiting}, {@code reading}, {@code model} and {@code exception}. It never blocks, and never runs a route on
 * HttpClient's I/O threads.
 */
package io.github.cameldune.dune.handler;

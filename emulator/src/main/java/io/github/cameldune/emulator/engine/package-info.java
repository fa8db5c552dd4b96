/**
 * The engine: saved queries and their parameters, executions and their states, the queue, results as pages,
 * uploaded tables, query management, credits, and every default ({@code Settings}), over DuckDB. It knows nothing of
 * HTTP; {@code http} answers from it.
 */
package io.github.cameldune.emulator.engine;

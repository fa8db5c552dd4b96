/**
 * The sample dataset the emulator's queries run on, generated into DuckDB at start: DEX trades, blocks and the tables
 * they join. It uses {@code engine}'s database.
 */
package io.github.cameldune.emulator.data;

/**
 * What Dune sends and what camel-dune sends it, as records read leniently (unknown fields ignored, missing optional
 * fields tolerated): executions, statuses, result pages and their metadata, states that tolerate states Dune adds later,
 * usage, uploaded tables, saved queries and the drafts that create them. Plain types: they use nothing of camel-dune
 * but {@code exception} (a draft checks itself), and carry no reader of their own ({@code reading} reads them fast).
 */
package io.github.cameldune.dune.model;

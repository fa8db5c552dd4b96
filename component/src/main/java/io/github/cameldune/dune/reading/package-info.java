/**
 * The tuned read path, behind one seam, {@code ReadPath}: statuses read field by field, timestamps digit by digit,
 * a page's rows kept compactly and handed out as ordered views, a stream's rows read as they are taken. It gives exactly
 * what plain Jackson databind gives for the same answers ({@code ReadPathEquivalenceTest} holds the two to each other),
 * and nothing outside it depends on how. It uses {@code model} only.
 */
package io.github.cameldune.dune.reading;

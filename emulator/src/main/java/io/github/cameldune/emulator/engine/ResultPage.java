package io.github.cameldune.emulator.engine;

import java.util.List;

/**
 * One page of a stored result.
 *
 * @param columnNames     the returned columns, in result order
 * @param columnTypes     their Dune types
 * @param rows            the page's rows, values in column order
 * @param resultSetBytes  raw bytes of this page's values
 * @param totalRowCount   rows in the whole result
 * @param totalBytes      raw bytes of the whole result
 * @param nextOffset      the offset of the next page, or null on the last page
 */
public record ResultPage(
        List<String> columnNames,
        List<String> columnTypes,
        List<Object[]> rows,
        long resultSetBytes,
        long totalRowCount,
        long totalBytes,
        Long nextOffset) {

    /** Cells on this page, which Dune bills as datapoints. */
    public long datapointCount() {
        return (long) rows.size() * columnNames.size();
    }
}

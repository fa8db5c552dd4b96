package io.github.cameldune.dune.client;

/**
 * One page of CSV, with what is needed to fetch the next.
 *
 * @param data       the page, header line first
 * @param nextUri    Dune's {@code x-dune-next-uri}, or null on the last page
 * @param nextOffset Dune's {@code x-dune-next-offset}, or null on the last page
 * @param target     whose results these are
 * @param options    the options the page was asked with
 */
public record CsvPage(ChunkedBody data, String nextUri, Long nextOffset, ResultsTarget target, ResultOptions options) {

    /** Whether more pages follow. */
    public boolean hasNextPage() {
        return nextUri != null || nextOffset != null;
    }
}

package io.github.cameldune.dune;

/** The form in which results reach the message body. */
public enum OutputType {
    /** A {@code List<Map<String, Object>>}, keys in column order: one page, or every page with fetchAll. */
    rows,
    /** A lazy {@code Iterator<Map<String, Object>>} over every row of every page, fetching pages as it goes. */
    stream,
    /** The JSON text of one page of Dune's answer, as received. */
    json,
    /** An {@code InputStream} of CSV over every page, the header line once. */
    csv
}

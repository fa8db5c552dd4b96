package io.github.cameldune.emulator;

/**
 * The saved queries the emulator comes with, named once for the tests, the examples and the docs (the files under
 * {@code dune-emulator/queries/} hold their SQL and parameters). In a string, a constant is its id, so that
 * {@code "dune:run?queryId=" + SampleQuery.TOP_TRADERS} is the URI of the top traders query.
 */
public enum SampleQuery {
    /** 1001: the daily DEX volume of each project over a date range. */
    DAILY_DEX_VOLUME(1001, "Daily DEX volume by project"),
    /** 1002: the traders with the most USD volume over a date range ({@code top_n}, 10). */
    TOP_TRADERS(1002, "Top traders by volume"),
    /** 1003: one wallet's DEX trades ({@code wallet}, {@code max_rows}). */
    WALLET_TRADES(1003, "Wallet DEX trades"),
    /** 1004: the Ethereum blocks in a range ({@code from_block}, {@code to_block}). */
    BLOCKS_IN_RANGE(1004, "Ethereum blocks in a range"),
    /** 1005: {@code row_count} rows of 8 mixed columns from {@code start}: for paging and large results. */
    NUMBER_SERIES(1005, "Number series"),
    /** 1006: its four parameters, one of each of Dune's types, as one row. */
    PARAMETER_ECHO(1006, "Parameter echo"),
    /** 1007: a daily summary that takes its time: for waits and timeouts. */
    SLOW_DAILY_SUMMARY(1007, "Slow daily summary"),
    /** 1008: a query whose SQL fails on the engine: for failed executions. */
    BROKEN(1008, "Broken query");

    private final long id;
    private final String title;

    SampleQuery(long id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The saved query's id. */
    public long id() {
        return id;
    }

    /** Its name, as the emulator lists it. */
    public String title() {
        return title;
    }

    /** The id, so that the constant reads as the id in a URI or a path. */
    @Override
    public String toString() {
        return String.valueOf(id);
    }
}

package io.github.cameldune.emulator.engine;

import java.time.Duration;

/** How the engine behaves; all of it can change while the emulator runs. The defaults are here only. */
public final class Settings {
    /** Executions running at once by default: Dune's free plan. */
    public static final int DEFAULT_MAX_CONCURRENT = 3;
    /** The largest results page by default, in rows. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 30_000;
    /** How long results are kept by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    /** Credits a billing period includes by default: Dune's Free plan. */
    public static final int DEFAULT_CREDITS_INCLUDED = 2_500;
    /** Credits per megabyte of results read by default: the Free plan's rate. */
    public static final int DEFAULT_EXPORT_CREDITS_PER_MB = 20;

    /** An execution's base price on the medium tier (or with no tier) by default: Dune's historic 10 credits. */
    public static final int DEFAULT_MEDIUM_CREDITS = 10;
    /** An execution's base price on the large tier by default: Dune's historic 20 credits. */
    public static final int DEFAULT_LARGE_CREDITS = 20;

    /** The account's handle by default: the namespace its API key owns for uploads. */
    public static final String DEFAULT_HANDLE = "emulator";

    /** The bytes an account may store in uploaded tables by default: Dune's Free plan (100 MB). */
    public static final long DEFAULT_STORAGE_LIMIT = 100_000_000L;
    /** The largest insert body by default: Dune's documented 1.2 GB a request. */
    public static final long DEFAULT_MAX_INSERT_BYTES = 1_200_000_000L;
    /** The largest CSV upload by default: Dune's documented 500 MB. */
    public static final long DEFAULT_MAX_CSV_BYTES = 500_000_000L;
    /** Requests queued or answered at once by default; past it the emulator answers 503 at once. */
    public static final int DEFAULT_MAX_REQUESTS_IN_FLIGHT = 256;

    volatile String handle = DEFAULT_HANDLE;
    volatile long storageLimit = DEFAULT_STORAGE_LIMIT;
    volatile long maxInsertBytes = DEFAULT_MAX_INSERT_BYTES;
    volatile long maxCsvBytes = DEFAULT_MAX_CSV_BYTES;
    volatile int mediumCredits = DEFAULT_MEDIUM_CREDITS;
    volatile int largeCredits = DEFAULT_LARGE_CREDITS;
    volatile int mediumCreditsPerSecond;
    volatile int largeCreditsPerSecond;
    volatile int creditsIncluded = DEFAULT_CREDITS_INCLUDED;
    volatile int exportCreditsPerMb = DEFAULT_EXPORT_CREDITS_PER_MB;
    /** Past this many credits used, executes are refused with a 402; 0 for no limit. */
    volatile int creditLimit;

    volatile int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    volatile int maxRequestsInFlight = DEFAULT_MAX_REQUESTS_IN_FLIGHT;
    volatile int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    volatile Duration retention = DEFAULT_RETENTION;

    /** The account's handle (user or team): the only namespace uploads may write to. */
    public Settings handle(String value) {
        if (value == null || !value.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a handle is lowercase letters, digits and underscores, not " + value);
        }
        handle = value;
        return this;
    }

    /** The account's handle. */
    public String handle() {
        return handle;
    }

    /**
     * The bytes the uploaded tables may hold in all (Dune's plans: 100 MB Free, 1 GB Analyst, 15 GB Plus); a write
     * past it is answered 402. Dune documents the caps, not that answer: the status is the emulator's guess.
     */
    public Settings storageLimit(long bytes) {
        storageLimit = Math.max(0, bytes);
        return this;
    }

    /** The storage cap in bytes. */
    public long storageLimit() {
        return storageLimit;
    }

    /**
     * The largest request bodies taken: an insert's and a CSV upload's (Dune's documented 1.2 GB and 500 MB by
     * default). A larger one is answered 413, the emulator's guess at a status Dune does not document.
     */
    public Settings bodyLimits(long insertBytes, long csvBytes) {
        maxInsertBytes = Math.max(1, insertBytes);
        maxCsvBytes = Math.max(1, csvBytes);
        return this;
    }

    /** The largest insert body, in bytes. */
    public long maxInsertBytes() {
        return maxInsertBytes;
    }

    /** The largest CSV upload, in bytes. */
    public long maxCsvBytes() {
        return maxCsvBytes;
    }

    /** At most this many executions run at once; the rest wait as PENDING with a queue position. */
    public Settings maxConcurrent(int value) {
        maxConcurrent = Math.max(1, value);
        return this;
    }

    /**
     * At most this many requests are queued or being answered at once; one more is answered {@code 503} with
     * {@code Retry-After: 1} at once instead of waiting behind them, so a flood of connections is shed, not queued.
     */
    public Settings maxRequestsInFlight(int value) {
        maxRequestsInFlight = Math.max(1, value);
        return this;
    }

    /** Requests queued or answered at once, at most. */
    public int maxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    /** The largest page the results endpoints return, whatever limit is asked. */
    public Settings maxPageSize(int value) {
        maxPageSize = Math.max(1, value);
        return this;
    }

    /** How long results are kept before the execution turns EXPIRED. */
    public Settings retention(Duration value) {
        retention = value;
        return this;
    }

    /** Credits the billing period includes, as {@code POST /v1/usage} reports them (default 2,500). */
    public Settings creditsIncluded(int value) {
        creditsIncluded = Math.max(0, value);
        return this;
    }

    /** Credits per megabyte of results read (default 20). */
    public Settings exportCreditsPerMb(int value) {
        exportCreditsPerMb = Math.max(0, value);
        return this;
    }

    /** Once this many credits are used, executes are answered 402 with Dune's billing message; 0 for no limit. */
    public Settings creditLimit(int value) {
        creditLimit = Math.max(0, value);
        return this;
    }

    /**
     * What an execution costs (see {@link Credits#cost}): {@code medium} or {@code large} credits by tier, plus
     * {@code perSecond} credits of its tier for each second (or part of one) it ran. Defaults 10 and 20, and 0 per
     * second.
     */
    public Settings executionCredits(int medium, int large, int mediumPerSecond, int largePerSecond) {
        mediumCredits = Math.max(0, medium);
        largeCredits = Math.max(0, large);
        mediumCreditsPerSecond = Math.max(0, mediumPerSecond);
        largeCreditsPerSecond = Math.max(0, largePerSecond);
        return this;
    }

    /** Takes every value of another settings object, e.g. to restore the configured ones. */
    public Settings copyFrom(Settings other) {
        handle = other.handle;
        storageLimit = other.storageLimit;
        maxInsertBytes = other.maxInsertBytes;
        maxCsvBytes = other.maxCsvBytes;
        mediumCredits = other.mediumCredits;
        largeCredits = other.largeCredits;
        mediumCreditsPerSecond = other.mediumCreditsPerSecond;
        largeCreditsPerSecond = other.largeCreditsPerSecond;
        creditsIncluded = other.creditsIncluded;
        exportCreditsPerMb = other.exportCreditsPerMb;
        creditLimit = other.creditLimit;
        maxConcurrent = other.maxConcurrent;
        maxRequestsInFlight = other.maxRequestsInFlight;
        maxPageSize = other.maxPageSize;
        retention = other.retention;
        return this;
    }
}

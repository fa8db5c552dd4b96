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

    volatile int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    volatile int maxPageSize = DEFAULT_MAX_PAGE_SIZE;
    volatile Duration retention = DEFAULT_RETENTION;

    /** At most this many executions run at once; the rest wait as PENDING with a queue position. */
    public Settings maxConcurrent(int value) {
        maxConcurrent = Math.max(1, value);
        return this;
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

    /** Takes every value of another settings object, e.g. to restore the configured ones. */
    public Settings copyFrom(Settings other) {
        maxConcurrent = other.maxConcurrent;
        maxPageSize = other.maxPageSize;
        retention = other.retention;
        return this;
    }
}

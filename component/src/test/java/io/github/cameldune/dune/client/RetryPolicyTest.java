package io.github.cameldune.dune.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameldune.dune.exception.DuneApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry rule as a table: every kind of failure, for a read and for a write, with and without the opt-in. A pure
 * unit test of {@link RetryPolicy} and {@link DuneCall}: no HTTP.
 */
@Timeout(120)
class RetryPolicyTest {

    private static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), false);
    private static final RetryPolicy OPT_IN = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), true);

    /** A failure of a kind: an HTTP status, or no answer with the cause that says whether the request left. */
    private record Kind(String name, int status, IOException cause, boolean transientFailure, boolean nothingDone) {
        DuneApiException on(DuneCall call) {
            return DuneApiException.of(new DuneApiException.Failure(call, 1L, null, status, name, null), cause);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("connection refused", 0, new ConnectException("refused"), true, true),
            new Kind("answer lost after sending", 0, new SocketTimeoutException("read timed out"), true, false),
            new Kind("400", 400, null, false, true),
            new Kind("401", 401, null, false, true),
            new Kind("402", 402, null, false, true),
            new Kind("403", 403, null, false, true),
            new Kind("404", 404, null, false, true),
            new Kind("409", 409, null, false, true),
            new Kind("429", 429, null, true, true),
            new Kind("408", 408, null, false, false),
            new Kind("500", 500, null, true, false),
            new Kind("501", 501, null, false, false),
            new Kind("502", 502, null, true, false),
            new Kind("503", 503, null, true, false),
            new Kind("504", 504, null, true, false));

    static Stream<Arguments> everyCallAndKind() {
        List<Arguments> rows = new ArrayList<>();
        for (DuneCall call : DuneCall.values()) {
            for (Kind kind : KINDS) {
                rows.add(Arguments.of(call, kind));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("everyCallAndKind")
    void theTable(DuneCall call, Kind kind) {
        DuneApiException failure = kind.on(call);
        assertThat(failure.isTransient()).as("transient").isEqualTo(kind.transientFailure());
        assertThat(failure.isNothingDone()).as("nothing done").isEqualTo(kind.nothingDone());

        // a read is retried whenever the failure may pass; a write only when Dune certainly did nothing
        boolean expected = kind.transientFailure() && (!call.isWrite() || kind.nothingDone());
        assertThat(DEFAULT.shouldRetry(failure, call, 0)).as("default policy").isEqualTo(expected);
        // the opt-in resends a write after any transient failure, accepting a second bill
        assertThat(OPT_IN.shouldRetry(failure, call, 0)).as("opted in").isEqualTo(kind.transientFailure());
        // never past maxRetries, never without retries
        assertThat(DEFAULT.shouldRetry(failure, call, 3)).as("attempts used up").isFalse();
        assertThat(RetryPolicy.NONE.shouldRetry(failure, call, 0))
                .as("no retries")
                .isFalse();
    }

    /**
     * Billing safety is a property of each call, not of its name: exactly the executions are writes, and no write is
     * re-sent after a failure that may hide its success, whatever it is called.
     */
    @ParameterizedTest
    @EnumSource(DuneCall.class)
    void noWriteIsResentAfterAPossibleSuccess(DuneCall call) {
        Set<DuneCall> writes = EnumSet.of(
                DuneCall.EXECUTE_QUERY,
                DuneCall.EXECUTE_SQL,
                DuneCall.INSERT,
                DuneCall.UPLOAD_CSV,
                DuneCall.CREATE_QUERY,
                DuneCall.UPSERT_MATERIALIZED_VIEW,
                DuneCall.REFRESH_MATERIALIZED_VIEW,
                DuneCall.DELETE_MATERIALIZED_VIEW,
                DuneCall.EXECUTE_PIPELINE);
        assertThat(call.isWrite()).isEqualTo(writes.contains(call));
        // Dune's low limit: executions and every change to a table
        Set<DuneCall> lowLimit = EnumSet.of(
                DuneCall.EXECUTE_QUERY,
                DuneCall.EXECUTE_SQL,
                DuneCall.CREATE_TABLE,
                DuneCall.INSERT,
                DuneCall.UPLOAD_CSV,
                DuneCall.CLEAR_TABLE,
                DuneCall.DELETE_TABLE,
                DuneCall.CREATE_QUERY,
                DuneCall.UPDATE_QUERY,
                DuneCall.ARCHIVE_QUERY,
                DuneCall.UNARCHIVE_QUERY,
                DuneCall.MAKE_PRIVATE,
                DuneCall.MAKE_PUBLIC,
                DuneCall.UPSERT_MATERIALIZED_VIEW,
                DuneCall.REFRESH_MATERIALIZED_VIEW,
                DuneCall.DELETE_MATERIALIZED_VIEW,
                DuneCall.EXECUTE_PIPELINE);
        assertThat(call.bucket()).isEqualTo(lowLimit.contains(call) ? DuneCall.Bucket.WRITE : DuneCall.Bucket.READ);
        for (Kind kind : KINDS) {
            if (call.isWrite() && !kind.nothingDone()) {
                assertThat(DEFAULT.shouldRetry(kind.on(call), call, 0))
                        .as(kind.name())
                        .isFalse();
            }
        }
    }

    @Test
    void operationNamesAreDistinct() {
        assertThat(Stream.of(DuneCall.values()).map(DuneCall::operationName).distinct())
                .hasSize(DuneCall.values().length);
    }

    @Test
    void delaysDoubleWithJitterWithinTheMaximumAndHonourRetryAfter() {
        DuneApiException busy = new Kind("503", 503, null, true, false).on(DuneCall.STATUS);
        for (int attempt = 0; attempt < 8; attempt++) {
            long full = Math.min(1000L << attempt, 30_000);
            assertThat(DEFAULT.delay(busy, attempt).toMillis())
                    .as("attempt " + attempt)
                    .isBetween(full / 2, full);
        }
        DuneApiException limited = DuneApiException.of(
                new DuneApiException.Failure(DuneCall.STATUS, null, null, 429, "slow down", Duration.ofSeconds(45)),
                null);
        assertThat(DEFAULT.delay(limited, 0))
                .as("Retry-After capped by the maximum")
                .isEqualTo(Duration.ofSeconds(30));
    }
}

package io.github.cameldune.dune.client;

import io.github.cameldune.dune.exception.DuneAnswerTooLargeException;
import io.github.cameldune.dune.exception.DuneApiException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/** Turns what went wrong with one request into the {@link DuneApiException} that names it. */
final class Failures {

    private Failures() {}

    /**
     * An answer that is not 2xx: the exception for its status, with Dune's error text and Retry-After, and the hint, if
     * any, of what may be wrong with the base URL. A server that echoes the key (a proxy's 401 page, say) does not put
     * it into the exception: the key is masked in the text.
     */
    static DuneApiException answered(ApiRequest request, ApiResponse answer, String apiKey, String hint) {
        String text = answer.errorText();
        if (apiKey != null && !apiKey.isEmpty()) {
            text = text.replace(apiKey, "xxxxxx");
        }
        if (hint != null) {
            text = text + " (" + request.describe() + hint + ")";
        }
        return DuneApiException.of(failure(request, answer.code(), text, answer.retryAfter()), null);
    }

    /** No answer at all: the connection failed, timed out or was cancelled. */
    static DuneApiException noAnswer(ApiRequest request, Exception cause) {
        String why = cause instanceof CancellationException
                ? "request cancelled"
                : cause.getMessage() == null
                        ? cause.getClass().getSimpleName()
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return DuneApiException.of(failure(request, 0, why, null), cause);
    }

    /** An answer larger than maxAnswerSize, aborted. */
    static DuneApiException tooLarge(ApiRequest request, ChunkedBody.TooLarge cause) {
        return new DuneAnswerTooLargeException(
                failure(request, 0, cause.getMessage() + "; raise maxAnswerSize on the component if it is real", null),
                cause);
    }

    /** A 2xx answer camel-dune cannot read. */
    static DuneApiException unreadable(ApiRequest request, int status, String why, Throwable cause) {
        return new DuneApiException(failure(request, status, why, null), cause);
    }

    /**
     * After a write failed in a way that may hide its success (a 5xx, a lost answer), says so: the execution may
     * exist and cost credits, and it was not sent again.
     */
    static Throwable mayHaveSucceeded(ApiRequest request, Throwable error) {
        if (request.call().isWrite()
                && error instanceof DuneApiException e
                && !e.isNothingDone()
                && (e.getHttpResponseCode() >= 500 || e.getHttpResponseCode() == 0)) {
            return DuneApiException.of(
                    e.getFailure()
                            .withNote(
                                    request.call().billing() == DuneCall.Billing.EXECUTION
                                            ? " (the execution may have been created anyway and not be visible "
                                                    + "here; it was not sent again, so check before executing again)"
                                            : " (Dune may have done it anyway; it was not sent again, so check "
                                                    + "before sending it again)"),
                    e.getCause());
        }
        return error;
    }

    /** A failure that came after retries, saying how many attempts were made. */
    static Throwable afterAttempts(Throwable error, int attempts) {
        if (attempts > 1 && error instanceof DuneApiException e) {
            return DuneApiException.of(e.getFailure().withNote(" (after " + attempts + " attempts)"), e.getCause());
        }
        return error;
    }

    /** The ids of a request for a log line, e.g. {@code " (queryId=1001)"}. */
    static String ids(ApiRequest request) {
        return request.queryId() != null
                ? " (queryId=" + request.queryId() + ")"
                : request.executionId() != null ? " (executionId=" + request.executionId() + ")" : "";
    }

    private static DuneApiException.Failure failure(ApiRequest request, int status, String why, Duration retryAfter) {
        return new DuneApiException.Failure(
                request.call(), request.queryId(), request.executionId(), status, why, retryAfter);
    }
}

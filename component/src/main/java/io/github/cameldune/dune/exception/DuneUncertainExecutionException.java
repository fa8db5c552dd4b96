package io.github.cameldune.dune.exception;

import java.time.Instant;

/**
 * A message whose request key the execution journal holds without an execution id: an earlier attempt recorded the
 * key, then sent the execute, and ended (its JVM died, say) before Dune's answer was recorded. The execution may exist
 * and may have been billed, so it is not executed again unless the endpoint sets {@code executeUncertain=true}. It
 * carries the key, for a dead-letter route to look the execution up or to decide.
 */
public class DuneUncertainExecutionException extends DuneException {

    private final String requestKey;
    private final Instant recordedAt;

    /**
     * @param requestKey the message's request key
     * @param recordedAt when the earlier attempt recorded the key, or null when not known
     */
    public DuneUncertainExecutionException(String operation, Long queryId, String requestKey, Instant recordedAt) {
        super(
                "Dune " + operation + " not sent" + ids(queryId, null) + ": request key '" + requestKey
                        + "' was recorded in the journal" + (recordedAt == null ? "" : " at " + recordedAt)
                        + " by an attempt whose execute got no recorded answer, so the execution may exist and "
                        + "may have been billed; set executeUncertain=true to execute such requests again",
                null,
                operation,
                queryId,
                null);
        this.requestKey = requestKey;
        this.recordedAt = recordedAt;
    }

    /** The message's request key. */
    public String getRequestKey() {
        return requestKey;
    }

    /** When the earlier attempt recorded the key, or null. */
    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** True: this attempt sent nothing (an earlier one may have). */
    @Override
    public boolean isNothingDone() {
        return true;
    }
}

package io.github.cameldune.dune.exception;

/**
 * The execution journal could not be read or written for a request key. Raised before the execute is sent, it means
 * nothing was sent for this message; the exception's cause is the repository's own failure.
 */
public class DuneJournalException extends DuneException {

    private final String requestKey;

    /**
     * @param what       {@code read} or {@code write}
     * @param requestKey the message's request key
     */
    public DuneJournalException(String what, String requestKey, Throwable cause) {
        super(
                "The execution journal could not " + what + " request key '" + requestKey + "': " + cause,
                cause,
                null,
                null,
                null);
        this.requestKey = requestKey;
    }

    /** The message's request key. */
    public String getRequestKey() {
        return requestKey;
    }

    /** True: it is raised before the execute is sent. */
    @Override
    public boolean isNothingDone() {
        return true;
    }
}

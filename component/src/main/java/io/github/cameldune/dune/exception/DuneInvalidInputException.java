package io.github.cameldune.dune.exception;

/**
 * A message or an option that cannot become a Dune request (no query id, an unknown performance tier, a body that is
 * not a JSON object, ...). It is raised before any request is sent, so it costs nothing and creates no execution.
 */
public class DuneInvalidInputException extends DuneException {

    /** @param message what is wrong and how to fix it */
    public DuneInvalidInputException(String message) {
        this(message, null);
    }

    /** @param message what is wrong; {@code cause} why it could not be read */
    public DuneInvalidInputException(String message, Throwable cause) {
        super(message, cause, null, null, null);
    }

    /** True: nothing was sent. */
    @Override
    public boolean isNothingDone() {
        return true;
    }
}

package io.github.cameldune.dune.exception;

/**
 * A message that cannot become a Dune request (no query id, an unknown performance tier, a body that is not a JSON
 * object, ...). It is raised before any request is sent, so it costs nothing and creates no execution.
 */
public class DuneInvalidInputException extends IllegalArgumentException {

    /** @param message what is wrong and how to fix it */
    public DuneInvalidInputException(String message) {
        super(message);
    }

    /** @param message what is wrong; {@code cause} why it could not be read */
    public DuneInvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.github.cameldune.emulator.engine;

/** A request the engine refuses before creating an execution; the protocol layer answers it with a 400. */
public class InvalidRequestException extends RuntimeException {

    /** @param message the text sent back as Dune's {@code error} */
    public InvalidRequestException(String message) {
        super(message);
    }
}

package io.github.cameldune.emulator.engine;

/** A request for something the account does not have; the protocol layer answers it with a 404. */
public final class NotFoundException extends RuntimeException {

    /** @param message the text sent back as Dune's {@code error} */
    public NotFoundException(String message) {
        super(message);
    }
}

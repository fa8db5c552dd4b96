package io.github.cameldune.emulator.engine;

/**
 * A write that would take the uploaded tables past the plan's storage cap; the protocol layer answers it with a 402.
 * Dune documents the caps per plan but not this answer, so the status is the emulator's guess.
 */
public final class StorageFullException extends RuntimeException {

    /** @param message the text sent back as the {@code error} */
    public StorageFullException(String message) {
        super(message);
    }
}

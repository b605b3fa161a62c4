package io.github.pinpointevents.core.generate;

/** The output cannot be written: it exists (without {@code force}), or an I/O error. The message says which. */
public final class OutputException extends Exception {

    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}

package io.east.model.torch;

/** torch-setup cannot go on; the message says what is missing or failed and what to do. */
public final class SetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }
}

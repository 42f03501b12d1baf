package io.east.producers.versions;

/** A model-version pointer that will not be loaded; the message names the pointer and says why. */
public final class RefusedPointerException extends Exception {

    private final String pointer;
    private final String reason;

    public RefusedPointerException(String pointer, String reason) {
        super("checkpoint pointer '" + pointer + "' refused: " + reason);
        this.pointer = pointer;
        this.reason = reason;
    }

    /** The checkpoint URI as announced. */
    public String pointer() {
        return pointer;
    }

    public String reason() {
        return reason;
    }
}

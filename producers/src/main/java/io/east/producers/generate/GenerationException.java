package io.east.producers.generate;

/** A backend could not produce the generations of one prompt (after its own retries). The message says why. */
public class GenerationException extends Exception {

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.east.producers.generate.openai.sync;

/**
 * The server serves weights this process did not load: another process reloaded it. Weight sync needs one owner per
 * endpoint, since the samples' policy_version is only true while nobody else changes the weights, so this ends the
 * process rather than label samples with a version the server no longer serves.
 */
public final class SharedEndpointException extends RuntimeException {

    public SharedEndpointException(String message) {
        super(message);
    }
}

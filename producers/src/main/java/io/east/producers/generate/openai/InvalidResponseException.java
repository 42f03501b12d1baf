package io.east.producers.generate.openai;

/** A 2xx response whose body is not what the API promises: truncated, not JSON, or without choices. Retried. */
final class InvalidResponseException extends Exception {

    InvalidResponseException(String message) {
        super(message);
    }

    InvalidResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}

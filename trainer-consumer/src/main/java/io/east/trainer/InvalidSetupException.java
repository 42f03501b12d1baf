package io.east.trainer;

/** The trainer cannot start as asked (no GPU for --device gpu, a checkpoint directory of another run...). */
public class InvalidSetupException extends RuntimeException {

    public InvalidSetupException(String message) {
        super(message);
    }
}

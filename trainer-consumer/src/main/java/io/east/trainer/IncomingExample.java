package io.east.trainer;

import io.east.schemas.WeightedExample;

/**
 * One record read from a source: a decoded example, or the reason it could not be read (undecodable bytes, a
 * malformed file line). Unusable records still have a position, so they are consumed like any other.
 *
 * @param problem null for a usable example; otherwise a one-line reason that says where (FILE:LINE: reason)
 */
public record IncomingExample(SourcePosition position, WeightedExample example, String problem) {

    public IncomingExample {
        if ((example == null) == (problem == null)) {
            throw new IllegalArgumentException("an incoming record is either an example or a problem");
        }
    }

    public static IncomingExample of(SourcePosition position, WeightedExample example) {
        return new IncomingExample(position, example, null);
    }

    public static IncomingExample unusable(SourcePosition position, String problem) {
        return new IncomingExample(position, null, problem);
    }

    public boolean usable() {
        return example != null;
    }
}

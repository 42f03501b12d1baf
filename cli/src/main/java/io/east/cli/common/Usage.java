package io.east.cli.common;

import java.util.function.Supplier;

/** Checks of option values that end in bad usage (exit code 2) with a one-line message naming the flag. */
public final class Usage {

    private Usage() {
    }

    /**
     * What {@code check} returns. The domain classes refuse a value with an IllegalArgumentException; that becomes a
     * UsageException whose message follows {@code prefix} ("--dataset: ", or "" where the message names the flag).
     */
    public static <T> T check(Supplier<T> check, String prefix) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(prefix + e.getMessage());
        }
    }

    /** {@code value}, when it is at least {@code min}. */
    public static int atLeast(int value, int min, String flag) {
        atLeast((long) value, min, flag);
        return value;
    }

    /** {@code value}, when it is at least {@code min}. */
    public static long atLeast(long value, long min, String flag) {
        if (value < min) {
            throw new UsageException(flag + " must be >= " + min + ", got " + value);
        }
        return value;
    }
}

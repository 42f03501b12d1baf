package io.east.core;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit FNV-1a hash of a string's UTF-8 bytes: the same on every JVM and run, unlike String.hashCode's 32 poorly
 * mixed bits. Splits and replayed choices are derived from it, so its values must never change.
 */
public final class StableHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    public static long fnv1a64(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}

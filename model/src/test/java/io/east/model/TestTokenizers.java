package io.east.model;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The character-level tokenizer, loaded once per test JVM and shared by the tests that need one. */
public final class TestTokenizers {

    private static TextTokenizer shared;

    private TestTokenizers() {}

    public static synchronized TextTokenizer characterLevel() {
        if (shared == null) {
            try {
                shared = Tokenizers.loadCharacterLevel();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}

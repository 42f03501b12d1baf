package io.east.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The character-level tokenizer, loaded once per test JVM and shared by the tests that need one. */
public final class TestTokenizers {

    private static TextTokenizer shared;

    private TestTokenizers() {}

    public static synchronized TextTokenizer characterLevel() {
        if (shared == null) {
            try {
                Path file = Files.createTempFile("east-tokenizer", ".json");
                file.toFile().deleteOnExit();
                Tokenizers.writeCharacterLevel(file);
                shared = TextTokenizer.load(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }
}

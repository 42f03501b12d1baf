package io.east.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A Python with torch and transformers for the optional checks against transformers: EAST_TEST_PYTHON names it.
 * The build never needs one; tests that do skip without it.
 */
public final class TestPython {

    public static final String VARIABLE = "EAST_TEST_PYTHON";
    public static final String MISSING = "no Python with torch and transformers: set " + VARIABLE
            + " to run this check (python3 -m venv V && V/bin/pip install torch transformers)";

    private TestPython() {}

    public static Optional<Path> find() {
        String configured = System.getenv(VARIABLE);
        if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(configured));
    }
}

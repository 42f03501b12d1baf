package io.east.model;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed reference checkpoints made by src/test/resources/fixtures/make_llama_fixture.py. */
final class Fixtures {

    private Fixtures() {}

    static Path checkpoint(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name + "/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

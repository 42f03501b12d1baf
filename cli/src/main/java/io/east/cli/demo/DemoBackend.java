package io.east.cli.demo;

/** What samples the policy in the demo: the generator itself, or east serve followed through weight sync. */
enum DemoBackend {
    /** {@code generate --backend djl}: the generator loads each new version itself. */
    DJL("djl"),
    /** {@code east serve} plus {@code generate --backend openai --weight-sync sglang}: the path run with SGLang. */
    OPENAI("openai");

    private final String cliName;

    DemoBackend(String cliName) {
        this.cliName = cliName;
    }

    String cliName() {
        return cliName;
    }

    static DemoBackend parse(String name) {
        for (DemoBackend backend : values()) {
            if (backend.cliName.equals(name)) {
                return backend;
            }
        }
        throw new IllegalArgumentException("--backend must be djl or openai, got '" + name + "'");
    }
}

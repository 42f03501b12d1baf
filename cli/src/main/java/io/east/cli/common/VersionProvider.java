package io.east.cli.common;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"east " + (version == null ? "development" : version),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
}

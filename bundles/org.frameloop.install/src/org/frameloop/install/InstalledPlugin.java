package org.frameloop.install;

import java.nio.file.Path;

/**
 * A plugin installed into the installation's {@code installed-plugins/} folder.
 *
 * @param file the jar inside {@code installed-plugins/}
 */
public record InstalledPlugin(String symbolicName, String version, Path file) {

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}

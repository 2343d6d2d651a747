package io.consulta.deploy;

import java.nio.file.Path;

/** Where the repository is: the build passes its root, so tests read the same files an operator applies. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        return Path.of(System.getProperty("consulta.root", "..")).toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}

package io.github.pinpointevents.core;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, as surefire tells (or the working directory's parent, in an IDE). */
public final class TestPaths {

    private TestPaths() {
    }

    public static Path repoRoot() {
        String root = System.getProperty("pinpoint.repo.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("schemas"))) {
            throw new IllegalStateException("cannot find the repository root (schemas/) from " + path);
        }
        return path.normalize();
    }
}

package io.github.pinpointevents.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by the serve tests: where the repository is, and running a command line in process. */
final class ServeTestSupport {

    private ServeTestSupport() {
    }

    /** The repository root, as surefire tells (or the working directory's parent, in an IDE). */
    static Path repoRoot() {
        String root = System.getProperty("pinpoint.repo.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("samples"))) {
            throw new IllegalStateException("cannot find the repository root (samples/) from " + path);
        }
        return path.normalize();
    }

    static Path sample(String name) {
        return repoRoot().resolve("samples").resolve(name);
    }

    /** The exit code, standard output and standard error of one {@code pinpoint-events} command line. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }
}

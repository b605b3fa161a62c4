package io.github.pinpointevents.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@link Main#run} with captured streams, and finds the repository. */
final class Cli {

    private Cli() {
    }

    /** What one command line did: its exit code and everything it printed. */
    record Result(int code, String out, String err) {

        /** For assertion messages: the whole result, readable. */
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + abbreviate(out) + "\n--- stderr ---\n" + abbreviate(err);
        }

        private static String abbreviate(String s) {
            return s.length() <= 4000 ? s : s.substring(0, 4000) + "... (" + s.length() + " chars)";
        }
    }

    static Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    static Result runWithStdin(byte[] stdin, String... args) {
        return run(new ByteArrayInputStream(stdin), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return runWithStdin(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Result run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, stdin, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** The repository root, as surefire tells ({@code pinpoint.repo.root}), or the working directory's parent. */
    static Path repoRoot() {
        String root = System.getProperty("pinpoint.repo.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(path.resolve("samples")) || !Files.isDirectory(path.resolve("schemas"))) {
            throw new IllegalStateException("cannot find the repository root (samples/, schemas/) from " + path);
        }
        return path.toAbsolutePath().normalize();
    }

    static Path samples() {
        return repoRoot().resolve("samples");
    }

    static Path botocoreCases() {
        return repoRoot().resolve("validator-core/src/test/resources/botocore");
    }

    /** {@code file://} and an absolute path, as the AWS CLI takes a parameter file. */
    static String fileUri(Path file) {
        return "file://" + file.toAbsolutePath();
    }
}

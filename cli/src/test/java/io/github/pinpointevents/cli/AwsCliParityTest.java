package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.server.PinpointEventsServer;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The parity suite: every argument set in {@code parity/cases.txt} is run through the real AWS CLI v2
 * ({@code /usr/bin/aws}, Debian's awscli 2.9.19; .ci/run installs it) against a started serve, and through
 * put-events in process; standard output, standard error and the exit code must be equal, byte for byte. The one
 * allowance is the " (reached max retries: N)" that v2 adds to an error after retrying (docs/put-events.md).
 *
 * <p>Case lines: {@code name [VAR=value ...] -- arguments}, quoted as in sh (single quotes literal, double quotes
 * with backslash escapes). {@code @/} in an argument is the absolute path of {@code parity/files/}. Two AWS CLI
 * processes at a time (about a second each); the AWS CLI sees fake credentials, no config files, no proxy, and
 * only 127.0.0.1.
 */
class AwsCliParityTest {

    private static final Path AWS_V2 = Path.of(System.getProperty("pinpoint.aws.cli.v2", "/usr/bin/aws"));
    private static final String REGION = "us-east-1";
    private static PinpointEventsServer server;
    private static Path files;

    @BeforeAll
    static void startServe() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(AWS_V2), "needs AWS CLI v2 at " + AWS_V2 + " (Debian package"
                + " awscli; .ci/run installs it), or -Dpinpoint.aws.cli.v2=PATH");
        Run version = aws(List.of("--version"), Map.of(), Path.of("."));
        Assumptions.assumeTrue(version.out().startsWith("aws-cli/2."), AWS_V2 + " is not AWS CLI v2: " + version.out());
        files = Cli.repoRoot().resolve("cli/src/test/resources/parity/files");
        server = PinpointEventsServer.builder().build().start();
    }

    @AfterAll
    static void stopServe() {
        if (server != null) {
            server.stop();
        }
    }

    @TestFactory
    Stream<DynamicTest> theAwsCliAndPutEventsAnswerAlike() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 60, "the parity suite needs at least 60 cases, has " + cases.size());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (Case c : cases) {
                List<String> args = new ArrayList<>(List.of("pinpoint", "put-events", "--endpoint-url",
                        server.endpoint().toString(), "--region", REGION));
                args.addAll(c.args());
                runs.add(pool.submit(() -> aws(args, c.env(), files)));
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (int k = 0; k < cases.size(); k++) {
                Case c = cases.get(k);
                Run theirs = runs.get(k).get(120, TimeUnit.SECONDS);
                Run ours = putEvents(c);
                tests.add(DynamicTest.dynamicTest(c.name(), () -> assertAll(c.name() + ": " + c.args(),
                        () -> assertEquals(theirs.out(), ours.out(), "standard output"),
                        () -> assertEquals(theirs.err().replaceAll(" \\(reached max retries: \\d+\\)", ""), ours.err(),
                                "standard error"),
                        () -> assertEquals(theirs.code(), ours.code(), "exit code"))));
            }
            return tests.stream();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Case(String name, Map<String, String> env, List<String> args) {
    }

    private record Run(int code, String out, String err) {
    }

    private static Run putEvents(Case c) {
        List<String> args = new ArrayList<>(List.of("put-events", "--endpoint-url", server.endpoint().toString(),
                "--region", REGION));
        args.addAll(c.args());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), java.io.InputStream.nullInputStream(), new PrintWriter(out),
                new PrintWriter(err), c.env());
        return new Run(code, out.toString(), err.toString());
    }

    private static Run aws(List<String> args, Map<String, String> caseEnv, Path dir) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AWS_V2.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(n -> n.startsWith("AWS_") || n.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        Path home = Files.createTempDirectory("aws-parity-home");
        try {
            env.put("HOME", home.toString());
            env.put("AWS_ACCESS_KEY_ID", "x");
            env.put("AWS_SECRET_ACCESS_KEY", "x");
            env.put("AWS_CONFIG_FILE", "/dev/null");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CLI_AUTO_PROMPT", "off");
            env.put("AWS_PAGER", "");
            env.put("NO_PROXY", "127.0.0.1");
            env.putAll(caseEnv);
            Path out = home.resolve("out");
            Path err = home.resolve("err");
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.redirectOutput(out.toFile());
            builder.redirectError(err.toFile());
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the AWS CLI did not finish within 60 s: " + args);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            try (Stream<Path> left = Files.walk(home)) {
                left.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static List<Case> cases() throws IOException {
        Path file = Cli.repoRoot().resolve("cli/src/test/resources/parity/cases.txt");
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> words = words(line);
            int dashes = words.indexOf("--");
            assertTrue(dashes > 0, "a case line is 'name [VAR=value ...] -- arguments': " + line);
            Map<String, String> env = new LinkedHashMap<>();
            for (String assignment : words.subList(1, dashes)) {
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
            List<String> args = words.subList(dashes + 1, words.size()).stream()
                    .map(w -> w.replace("@/", files + "/")).toList();
            cases.add(new Case(words.get(0), env, args));
        }
        assertEquals(cases.size(), cases.stream().map(Case::name).distinct().count(), "case names are unique");
        return cases;
    }

    /** The line's words, quoted as in sh. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '\'') {
                int end = line.indexOf('\'', k + 1);
                assertTrue(end > 0, "unterminated ' in " + line);
                word = (word == null ? new StringBuilder() : word).append(line, k + 1, end);
                k = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (k++; k < line.length() && line.charAt(k) != '"'; k++) {
                    if (line.charAt(k) == '\\' && k + 1 < line.length() && "\"\\$`".indexOf(line.charAt(k + 1)) >= 0) {
                        k++;
                    }
                    word.append(line.charAt(k));
                }
                assertTrue(k < line.length(), "unterminated \" in " + line);
            } else if (c == '\\' && k + 1 < line.length()) {
                word = (word == null ? new StringBuilder() : word).append(line.charAt(++k));
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}

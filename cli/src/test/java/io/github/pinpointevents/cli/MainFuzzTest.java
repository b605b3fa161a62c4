package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line never throws and always exits with a code its command documents, with no stack trace:
 * whatever the arguments ({@link CliArguments}) and whatever standard input holds.
 *
 * <p>{@link #randomCommandLines} runs 1,000 command lines from fixed seeds in every build;
 * {@link #mainRunAnswersEveryCommandLine} is the same check as a Jazzer fuzz test (regression mode in a plain
 * build: the empty input and the inputs committed under {@code MainFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -B test -pl validator-core,cli -Djazzer.hooks=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtest=MainFuzzTest#mainRunAnswersEveryCommandLine}).
 */
class MainFuzzTest {

    /** A stack frame, a qualified exception class name, or the handler's last-resort line. */
    private static final Pattern LEAK = Pattern.compile("\tat |pinpoint-events: internal error"
            + "|\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b");

    private static Path scratch;
    private static CliArguments arguments;

    private static synchronized CliArguments arguments() {
        if (arguments == null) {
            try {
                scratch = Files.createTempDirectory("pinpoint-events-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            arguments = new CliArguments(scratch);
        }
        return arguments;
    }

    @FuzzTest(maxDuration = "60s")
    void mainRunAnswersEveryCommandLine(FuzzedDataProvider data) {
        String[] args = arguments().next(n -> data.consumeInt(0, n - 1), data::consumeString);
        check(args, data.consumeRemainingAsBytes());
    }

    @Test
    void randomCommandLines(@TempDir Path dir) {
        CliArguments local = new CliArguments(dir);
        for (long seed = 0; seed < 1_000; seed++) {
            // Mixed: java.util.Random's first draws from consecutive seeds are nearly the same.
            Random random = new Random(new SplittableRandom(seed).nextLong());
            String[] args = local.next(random::nextInt, max -> Long.toString(random.nextLong(), 36));
            byte[] stdin = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(200)];
            random.nextBytes(stdin);
            long s = seed;
            try {
                check(args, random.nextBoolean() ? stdin : CliArgumentsStdin.SAMPLE);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + s + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(String[] args, byte[] stdin) {
        Cli.Result r = Cli.runWithStdin(stdin, args);
        assertTrue(CliArguments.documentedExitCodes(args).contains(r.code()),
                () -> Arrays.toString(args) + " exited " + r);
        // An error may quote an argument, and the fuzzer can put any text in one: look past the quotes.
        String out = r.out();
        String err = r.err();
        for (String arg : args) {
            if (!arg.isEmpty()) {
                out = out.replace(arg, "").replace(Main.oneLine(arg), "");
                err = err.replace(arg, "").replace(Main.oneLine(arg), "");
            }
        }
        assertFalse(LEAK.matcher(out).find() || LEAK.matcher(err).find(), () -> Arrays.toString(args) + " leaked: " + r);
    }

    /** A valid request, for standard input. */
    private static final class CliArgumentsStdin {
        static final byte[] SAMPLE = ("{\"BatchItem\": {\"ep\": {\"Endpoint\": {}, \"Events\": {\"e\": {\"EventType\":"
                + " \"play\", \"Timestamp\": \"2024-01-01T00:00:00Z\"}}}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}

package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.GeneratorOutput;
import io.github.pinpointevents.core.generate.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpDocumentsEveryOptionWithTheCoresDefaults() {
        Run help = run("generate", "--help");
        assertEquals(0, help.code());
        CommandLine generate = Main.commandLine().getSubcommands().get("generate");
        for (OptionSpec option : generate.getCommandSpec().options()) {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(), option.longestName());
            assertTrue(help.out().contains(option.longestName()), option.longestName() + " in --help");
        }
        GeneratorConfig d = GeneratorConfig.defaults();
        String flat = help.out().replaceAll("\\s+", " ");
        for (String shown : List.of("(default: " + d.count() + ")", "(default: " + d.seed() + ")",
                "(default: " + d.start() + ")", "(default: " + d.end() + ")", "(default: " + d.applicationId() + ")",
                "(default: " + d.format().id() + ")")) {
            assertTrue(flat.contains(shown), shown + " in --help");
        }
        for (String word : List.of("Exit codes", "cli-input", "json-array", "requests", "expected")) {
            assertTrue(flat.contains(word), word);
        }
    }

    @Test
    void badOptionsGiveOneLineAndExitTwo() {
        for (String[] args : List.of(
                new String[] {"generate", "--count", "many"},
                new String[] {"generate", "--format", "xml"},
                new String[] {"generate", "--shard", "3"},
                new String[] {"generate", "--shard", "4/4"},
                new String[] {"generate", "--start", "yesterday"},
                new String[] {"generate", "--platforms", "android=x"},
                new String[] {"generate", "--sdks", "flutter=1"},
                new String[] {"generate", "--invalid-rate", "0.5"},
                new String[] {"generate", "--mutations", "event.nope", "-o", "x.ndjson", "--invalid-rate", "1"},
                new String[] {"generate", "--events-per-request", "101"},
                new String[] {"generate", "--bogus"},
                new String[] {"generate", "extra"})) {
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("pinpoint-events generate: "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void ndjsonOnStandardOutputIsTheCoresOutput() throws Exception {
        Run r = run("generate", "-n", "5", "--seed", "9");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "no progress without a terminal");
        assertEquals(5, r.out().lines().count());
        ByteArrayOutputStream core = new ByteArrayOutputStream();
        GeneratorOutput.write(GeneratorConfig.builder().count(5).seed(9).build(), core, ProgressListener.NONE);
        assertEquals(core.toString(StandardCharsets.US_ASCII), r.out());
    }

    @Test
    void invalidModeOutputPassesValidateAndExistingOutputIsRefused() {
        Path dir = tmp.resolve("cli");
        Run gen = run("generate", "-n", "40", "--seed", "3", "--invalid-rate", "0.5", "-f", "cli-input", "-o",
                dir.toString(), "--endpoints-per-request", "2");
        assertEquals(0, gen.code(), gen.err());
        assertTrue(Files.exists(dir.resolve("request-000001.json")));
        assertTrue(Files.exists(dir.resolve("index.csv")));
        Run validate = run("validate", "--no-warnings", dir.toString());
        assertEquals(0, validate.code(), validate.out());
        assertTrue(validate.out().contains("40 passed, 0 failed"), validate.out());

        Run again = run("generate", "-n", "1", "-f", "cli-input", "-o", dir.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("not empty"), again.err());

        Path file = tmp.resolve("out.ndjson");
        assertEquals(0, run("generate", "-n", "30", "--invalid-rate", "0.4", "-o", file.toString()).code());
        assertTrue(Files.exists(tmp.resolve("out.expected.ndjson")));
        Run check = run("validate", "--no-warnings", file.toString());
        assertEquals(0, check.code(), check.out());
        assertEquals(2, run("generate", "-n", "1", "-o", file.toString()).code());
        assertEquals(0, run("generate", "-n", "1", "-o", file.toString(), "--force").code());
    }

    @Test
    void listMutationsNamesRuleIds() {
        Run r = run("generate", "--list-mutations", "-f", "requests", "-o", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch("request.malformed-json"::equals), r.out());
        assertTrue(r.out().lines().anyMatch("event.session-duration-mismatch"::equals), r.out());
    }
}

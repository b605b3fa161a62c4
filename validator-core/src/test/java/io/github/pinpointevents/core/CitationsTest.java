package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule sources and the code's comments cite what a reader can open (a public URL, a file in this repository, or
 * the reasoning itself), never a note that lives elsewhere.
 */
class CitationsTest {

    /** A GitHub issue or pull request named by its number, such as "amplify-js #9665". */
    private static final Pattern NUMBER = Pattern.compile("#(\\d+)");

    /** Numbered notes kept outside the repository: research notes, the design note, this project's tracker. */
    private static final Pattern NOTE = Pattern.compile(
            "reference N\\d|\\(N\\d+\\)|DESIGN steps?\\b|reference Unknowns|shared/reference|\\(issue \\d+|issue \\d+, point");

    @Test
    void everyIssueOrPullRequestARuleNamesCarriesItsUrl() {
        List<String> bare = new ArrayList<>();
        for (Rule rule : RuleCatalogue.get().rules()) {
            bare.addAll(bareNumbers(rule.id(), rule.source()));
        }
        assertEquals(List.of(), bare);
    }

    @Test
    void noRuleSourceCitesANumberedNote() {
        List<String> notes = new ArrayList<>();
        for (Rule rule : RuleCatalogue.get().rules()) {
            Matcher m = NOTE.matcher(rule.source());
            while (m.find()) {
                notes.add(rule.id() + ": " + m.group());
            }
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void noMainCodeResourceOrPageCitesANumberedNote() throws IOException {
        Path root = TestPaths.repoRoot();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).filter(p -> cited(root.relativize(p))).sorted().forEach(files::add);
        }
        assertTrue(files.size() > 100, "the main sources, resources and pages: " + files.size());
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = NOTE.matcher(lines.get(i));
                while (m.find()) {
                    notes.add(root.relativize(file) + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), notes);
    }

    @Test
    void theChecksCatchWhatTheyAreFor() {
        assertEquals(List.of("r: #2962"), bareNumbers("r", "as seen on CreateImportJob (aws-sdk-ruby #2962)"));
        assertEquals(List.of("r: #977"), bareNumbers("r",
                "https://github.com/aws-amplify/aws-sdk-android/pull/1058 (#1058); aws-sdk-android #977"));
        assertEquals(List.of(), bareNumbers("r",
                "aws-sdk-ruby #2962 (https://github.com/aws/aws-sdk-ruby/issues/2962), quotas.html#quotas-events"));
        for (String note : List.of("(reference Unknowns 7)", "see reference N7", "the limit (N1)", "DESIGN steps 1",
                "out of memory (issue 11)", "(issue 12, point 5)")) {
            assertTrue(NOTE.matcher(note).find(), note);
        }
        for (String fine : List.of("RFC 8259 8.1", "the JDK's strict decoder is the reference", "N1 = 3",
                "https://github.com/aws-amplify/amplify-js/issues/10966")) {
            assertTrue(!NOTE.matcher(fine).find(), fine);
        }
    }

    /** Each "#N" the text has without a GitHub /issues/N or /pull/N address beside it. */
    private static List<String> bareNumbers(String id, String text) {
        List<String> bare = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group(1);
            if (!Pattern.compile("https://github\\.com/[\\w.-]+/[\\w.-]+/(issues|pull)/" + n + "\\b").matcher(text).find()) {
                bare.add(id + ": #" + n);
            }
        }
        return bare;
    }

    /** Main code, its resources, the tools and benchmarks, and the pages; not tests, not build output. */
    private static boolean cited(Path relative) {
        String path = relative.toString().replace('\\', '/');
        if (path.startsWith(".") || path.contains("/target/") || path.startsWith("target/")
                || path.contains("node_modules/") || path.contains("/src/test/")) {
            return false;
        }
        return path.matches("(.+/src/main/.+|docs/.+|tools/.+|bench/.+|README)\\.(java|kt|md|txt|properties|py|sh|js|html)")
                || path.equals("README.md");
    }
}

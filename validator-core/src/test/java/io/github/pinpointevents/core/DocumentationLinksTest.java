package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every link in README.md and docs/ resolves, offline (MarkdownLinks says what "resolves" means). */
class DocumentationLinksTest {

    @TempDir
    Path scratch;

    @Test
    void everyLinkInTheReadmeAndDocsResolves() throws Exception {
        Path root = TestPaths.repoRoot();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 5, "README.md and the pages under docs/: " + pages);
        MarkdownLinks links = new MarkdownLinks(root);
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            problems.addAll(links.problems(page));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void brokenLinksOfEachKindAreReported() throws Exception {
        Files.createDirectories(scratch.resolve("docs"));
        Files.writeString(scratch.resolve("docs/other.md"), "# Other page\n\n## The `serve` options (all)\n\n## Twice\n\n## Twice\n");
        Files.writeString(scratch.resolve("image.png"), "x");
        Path page = Files.writeString(scratch.resolve("README.md"), String.join("\n",
                "# Title",
                "[fine](docs/other.md#the-serve-options-all) [fine too](docs/other.md#twice-1) ![ok](image.png)",
                "[self](#title) [web](https://docs.aws.amazon.com/pinpoint/latest/apireference/apps-application-id-events.html)",
                "`[not a link](missing.md)`",
                "```",
                "[in a fence](missing.md)",
                "```",
                "[gone](docs/missing.md)",
                "![gone image](images/missing.png)",
                "[bad anchor](docs/other.md#no-such-heading)",
                "[bad self anchor](#nothing-here)",
                "[own repo](https://github.com/someone/pinpoint-events/blob/main/README.md)",
                "[no host](https:///path)",
                "[outside](../../etc/passwd)",
                ""));
        List<String> problems = new MarkdownLinks(scratch).problems(page);
        assertEquals(List.of(
                "README.md:8: docs/missing.md: no such file",
                "README.md:9: images/missing.png: no such file",
                "README.md:10: docs/other.md#no-such-heading: no heading with the anchor #no-such-heading in docs/other.md",
                "README.md:11: #nothing-here: no heading with the anchor #nothing-here in README.md",
                "README.md:12: https://github.com/someone/pinpoint-events/blob/main/README.md: an absolute link to this"
                        + " repository's own files: use a relative path",
                "README.md:13: https:///path: a URL without a host",
                "README.md:14: ../../etc/passwd: points outside the repository"), problems);
    }

    @Test
    void headingsAreSluggedAsGitHubDoes() {
        assertEquals("pinpoint-events-serve-a-local-putevents-endpoint-for-integration-tests",
                MarkdownLinks.slug("`pinpoint-events serve`: a local PutEvents endpoint for integration tests"));
        assertEquals("limits-each-a-serve-option-and-a-pinpointeventsserverbuilder-setter",
                MarkdownLinks.slug("Limits (each a `serve` option and a `PinpointEventsServer.Builder` setter)"));
        assertEquals("why-datafaker-not-javafaker", MarkdownLinks.slug("Why **datafaker**, not javafaker"));
        assertEquals("_session-events", MarkdownLinks.slug("`_session` events"));
    }
}

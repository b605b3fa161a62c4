package io.github.pinpointevents.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.run.FixtureRun;
import io.github.pinpointevents.core.run.InputKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal's defaults are the core's: the same files as the CLI finds (FixtureRun.inputs), the same time bounds as
 * --start takes.
 */
class DefaultIncludesTest {

    @TempDir
    Path dir;

    @Test
    void theGoalsDefaultIncludesFindWhatTheCliFinds() throws Exception {
        for (String name : List.of("a.json", "b.ndjson", "c.jsonl", "a.expected.json", "b.expected.ndjson",
                "c.expected.jsonl", "notes.txt", "sub/d.JSON", "sub/e.json")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{}");
        }
        List<Path> byGlobs = FixtureFiles.scan(dir.toFile(), null, null, InputKind.REQUEST,
                new org.apache.maven.plugin.logging.SystemStreamLog());
        assertEquals(FixtureValidator.collect(List.of(dir)), byGlobs);
        // What validate resolves its PATH arguments with: the CLI makes the same run.
        assertEquals(new FixtureRun(ValidatorConfig.defaults()).inputs(List.of(dir.toString())), byGlobs);
    }

    @Test
    void forRecordsTheDefaultsAlsoFindAFirehoseBucketsObjectsAsTheCliDoes() throws Exception {
        for (String name : List.of("a.ndjson", "a.expected.ndjson", "notes.txt", ".hidden-1-2025",
                "2025/01/06/00/clicks-1-2025-01-06-00-45-31-958683a5-dee5-4ab0-b56f-270cf8f4a9fb",
                "2025/01/06/00/clicks-1-2025-01-06-00-45-31-958683a5-dee5-4ab0-b56f-270cf8f4a9fb.gz")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{}");
        }
        List<Path> found = FixtureFiles.scan(dir.toFile(), null, null, InputKind.EVENT_STREAM,
                new org.apache.maven.plugin.logging.SystemStreamLog());
        assertEquals(List.of(dir.resolve("2025/01/06/00/clicks-1-2025-01-06-00-45-31-958683a5-dee5-4ab0-b56f-270cf8f4a9fb"),
                dir.resolve("a.ndjson")), found);
        assertEquals(InputKind.EVENT_STREAM.resolve(List.of(dir.toString())), found);
    }

    @Test
    void startTakesAPlainDateAsTheCliDoes() throws IOException {
        assertEquals(Instant.parse("2025-01-06T00:00:00Z"), GeneratorConfig.parseInstant("2025-01-06"));
        assertEquals(Instant.parse("2025-01-06T10:00:00Z"), GeneratorConfig.parseInstant("2025-01-06T10:00:00Z"));
    }
}

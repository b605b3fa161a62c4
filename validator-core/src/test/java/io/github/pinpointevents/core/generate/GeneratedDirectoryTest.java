package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aFileFormatGoesToItsOwnFileAndADirectoryFormatToTheDirectory() {
        GeneratedDirectory d = new GeneratedDirectory(dir);
        assertEquals(dir.resolve("requests.ndjson"), d.configFor(OutputFormat.NDJSON, false).build().output());
        assertEquals(dir.resolve("records.ndjson"), d.configFor(OutputFormat.EVENT_STREAM, false).build().output());
        assertEquals(dir, d.configFor(OutputFormat.CLI_INPUT, false).build().output());
    }

    @Test
    void theSameRunIsUpToDateAndAChangedOneIsNot() throws Exception {
        GeneratedDirectory d = new GeneratedDirectory(dir);
        GeneratorConfig config = d.configFor(OutputFormat.NDJSON, false).count(3).build();
        assertFalse(d.isUpToDate(config));
        assertEquals(3, d.write(config, false).requests());
        assertTrue(d.isUpToDate(config));
        assertTrue(d.isUpToDate(config.toBuilder().threads(2).build()), "threads change how, not what");
        assertFalse(d.isUpToDate(config.toBuilder().seed(8).build()));
    }

    @Test
    void anotherRunOfOursIsReplacedWhole() throws Exception {
        GeneratedDirectory d = new GeneratedDirectory(dir);
        d.write(d.configFor(OutputFormat.CLI_INPUT, false).count(2).build(), false);
        d.write(d.configFor(OutputFormat.NDJSON, false).count(2).build(), false);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(GeneratedDirectory.FINGERPRINT, "requests.index.csv", "requests.ndjson"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "nothing of the first run");
        }
    }

    @Test
    void filesThatAreNotOursAreKeptUnlessTheDirectoryIsOwned() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "keep");
        GeneratedDirectory d = new GeneratedDirectory(dir);
        assertThrows(OutputException.class, () -> d.write(d.configFor(OutputFormat.CLI_INPUT, false).build(), false));
        assertTrue(Files.exists(dir.resolve("mine.txt")));
        d.write(d.configFor(OutputFormat.CLI_INPUT, true).count(1).build(), true);
        assertFalse(Files.exists(dir.resolve("mine.txt")));
    }
}

package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same options and seed give the same bytes: on repeated runs, with any thread count, and as shards that
 * concatenate to the unsharded output, in every format (expected answers and index included).
 */
class DeterminismTest {

    @TempDir
    Path tmp;

    private GeneratorConfig.Builder base() {
        return GeneratorConfig.builder().seed(424242).count(157).endpointsPerRequest(2).invalidRate(0.3);
    }

    @Test
    void repeatedRunsAndThreadCountsGiveIdenticalBytes() throws Exception {
        byte[] one = stdout(base().invalidRate(0).threads(1).build());
        assertArrayEquals(one, stdout(base().invalidRate(0).threads(1).build()));
        assertArrayEquals(one, stdout(base().invalidRate(0).threads(4).build()));
        assertArrayEquals(one, stdout(base().invalidRate(0).threads(3).build()));
        assertNotEquals(new String(one), new String(stdout(base().invalidRate(0).seed(424243).threads(1).build())));
        for (OutputFormat format : OutputFormat.values()) {
            Map<String, byte[]> single = files(base().threads(1), format, "single-" + format);
            Map<String, byte[]> parallel = files(base().threads(4), format, "parallel-" + format);
            assertEquals(single.keySet(), parallel.keySet(), format.id());
            single.forEach((name, bytes) -> assertArrayEquals(bytes, parallel.get(name), format.id() + " " + name));
        }
    }

    @Test
    void validContentDoesNotDependOnTheInvalidRate() {
        RequestGenerator valid = RequestGenerator.create(base().invalidRate(0).build());
        RequestGenerator mixed = RequestGenerator.create(base().invalidRate(0.5).output(tmp).build());
        int compared = 0;
        for (long i = 0; i < 100; i++) {
            GeneratedRequest m = mixed.generate(i);
            if (m.mutation() == null) {
                assertEquals(valid.generate(i).eventsRequest(), m.eventsRequest(), "request " + i);
                compared++;
            }
        }
        assertTrue(compared > 20);
    }

    @Test
    void shardsConcatenateToTheUnshardedOutput() throws Exception {
        for (OutputFormat format : OutputFormat.values()) {
            for (int shards : new int[] {3, 7}) {
                Map<String, byte[]> whole = files(base().threads(2), format, format + "-whole-" + shards);
                Map<String, ByteArrayOutputStream> joined = new TreeMap<>();
                for (int i = 0; i < shards; i++) {
                    files(base().threads(1 + i % 2).shard(i, shards), format, format + "-" + i + "-of-" + shards)
                            .forEach((name, bytes) -> joined.computeIfAbsent(name, k -> new ByteArrayOutputStream())
                                    .writeBytes(bytes));
                }
                assertEquals(whole.keySet(), joined.keySet(), format.id() + " / " + shards);
                whole.forEach((name, bytes) -> assertArrayEquals(bytes, joined.get(name).toByteArray(),
                        format.id() + " / " + shards + ": " + name));
            }
        }
    }

    @Test
    void shardBoundariesCoverTheRunOnce() {
        for (long count : new long[] {0, 1, 5, 100, 1001}) {
            long next = 0;
            for (int i = 0; i < 7; i++) {
                GeneratorConfig c = GeneratorConfig.builder().count(count).shard(i, 7).build();
                assertEquals(next, c.firstIndex());
                next = c.endIndex();
            }
            assertEquals(count, next);
        }
    }

    @Test
    void existingOutputIsRefusedWithoutForce() throws Exception {
        GeneratorConfig config = base().invalidRate(0).count(3).output(tmp.resolve("out.ndjson")).build();
        GeneratorOutput.write(config, null, ProgressListener.NONE);
        byte[] first = Files.readAllBytes(tmp.resolve("out.ndjson"));
        OutputException e = assertThrows(OutputException.class,
                () -> GeneratorOutput.write(config.toBuilder().seed(5).build(), null, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
        assertArrayEquals(first, Files.readAllBytes(tmp.resolve("out.ndjson")), "untouched");
        GeneratorOutput.write(config.toBuilder().seed(5).force(true).build(), null, ProgressListener.NONE);
        assertNotEquals(new String(first), Files.readString(tmp.resolve("out.ndjson")));

        Path dir = Files.createDirectories(tmp.resolve("dir"));
        Files.writeString(dir.resolve("mine.txt"), "keep");
        GeneratorConfig inDir = base().count(3).format(OutputFormat.REQUESTS).output(dir).build();
        assertThrows(OutputException.class, () -> GeneratorOutput.write(inDir, null, ProgressListener.NONE));
        GeneratorOutput.write(inDir.toBuilder().force(true).build(), null, ProgressListener.NONE);
        assertEquals("keep", Files.readString(dir.resolve("mine.txt")));
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    private static byte[] stdout(GeneratorConfig config) throws OutputException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorOutput.write(config, out, ProgressListener.NONE);
        return out.toByteArray();
    }

    /** Runs into a fresh directory; returns every file written, by name. */
    private Map<String, byte[]> files(GeneratorConfig.Builder config, OutputFormat format, String name)
            throws OutputException, IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Path output = format.directory() ? dir.resolve("out") : dir.resolve(format == OutputFormat.JSON_ARRAY
                ? "out.json" : "out.ndjson");
        GeneratorOutput.write(config.format(format).output(output).build(), null, ProgressListener.NONE);
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}

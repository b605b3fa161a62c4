package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The event-stream records in the S3 layout of a Firehose stream with its default settings (FirehoseLayout). */
class FirehoseLayoutTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})/(\\d{2})/clicks-1-"
            + "(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2})-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static GeneratorConfig.Builder oneDay() {
        return GeneratorConfig.builder().count(60).seed(5).invalidRate(0.3).format(OutputFormat.EVENT_STREAM)
                .start(Instant.parse("2025-01-06T00:00:00Z")).end(Instant.parse("2025-01-07T00:00:00Z"));
    }

    /** Every object under the directory, by key, as its text. */
    private static Map<String, String> objects(Path dir) throws Exception {
        Map<String, String> objects = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                objects.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return objects;
    }

    @Test
    void objectsAreNamedAndPartitionedByTheArrivalOfTheirRecords() throws Exception {
        Path dir = tmp.resolve("bucket");
        GenerationSummary summary = GeneratorOutput.write(oneDay().threads(2).output(dir).firehoseStream("clicks")
                .build(), OutputStream.nullOutputStream(), ProgressListener.NONE);
        Map<String, String> objects = objects(dir);
        assertTrue(objects.size() > 10, "60 requests over a day fill many 5-minute buffers: " + objects.keySet());
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, String> object : objects.entrySet()) {
            Matcher key = KEY.matcher(object.getKey());
            assertTrue(key.matches(), object.getKey());
            long previous = 0;
            long first = -1;
            for (String line : object.getValue().split("\n")) {
                long arrival = JSON.readTree(line).get("arrival_timestamp").longValue();
                String at = SECOND.format(Instant.ofEpochMilli(arrival));
                // the hour prefix is each record's own arrival hour, in UTC
                assertEquals(key.group(1) + "-" + key.group(2) + "-" + key.group(3) + "-" + key.group(4),
                        at.substring(0, 13), line);
                assertTrue(arrival >= previous, "records in arrival order: " + object.getKey());
                first = first < 0 ? arrival : first;
                assertEquals(first / FirehoseLayout.INTERVAL_MILLIS, arrival / FirehoseLayout.INTERVAL_MILLIS,
                        "one object, one 5-minute buffer");
                previous = arrival;
                all.add(line);
            }
            // the object's time is the arrival of its oldest record
            assertEquals(SECOND.format(Instant.ofEpochMilli(first)), key.group(5), object.getKey());
        }
        assertEquals(summary.events(), all.size());

        // The same records as --format event-stream to one file, only laid out differently.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        GeneratorOutput.write(oneDay().build(), plain, ProgressListener.NONE);
        List<String> expected = new ArrayList<>(List.of(plain.toString(StandardCharsets.US_ASCII).split("\n")));
        expected.sort(null);
        all.sort(null);
        assertEquals(expected, all);
    }

    @Test
    void theSameOptionsWriteTheSameNamesAndBytesWhateverTheThreads() throws Exception {
        GeneratorOutput.write(oneDay().threads(1).output(tmp.resolve("a")).firehoseStream("clicks").build(),
                OutputStream.nullOutputStream(), ProgressListener.NONE);
        GeneratorOutput.write(oneDay().threads(4).output(tmp.resolve("b")).firehoseStream("clicks").build(),
                OutputStream.nullOutputStream(), ProgressListener.NONE);
        GeneratorOutput.write(oneDay().seed(6).output(tmp.resolve("c")).firehoseStream("clicks").build(),
                OutputStream.nullOutputStream(), ProgressListener.NONE);
        assertEquals(objects(tmp.resolve("a")), objects(tmp.resolve("b")));
        assertFalse(objects(tmp.resolve("a")).keySet().equals(objects(tmp.resolve("c")).keySet()));
    }

    @Test
    void aBufferIsDeliveredOnceItHoldsFiveMebibytes() throws Exception {
        Path dir = tmp.resolve("bucket");
        // 1,000 requests arriving within about a minute: over 10 MiB in one or two buffers.
        GeneratorOutput.write(oneDay().count(1000).invalidRate(0).end(Instant.parse("2025-01-06T00:01:00Z"))
                .output(dir).firehoseStream("clicks").build(), OutputStream.nullOutputStream(), ProgressListener.NONE);
        Map<String, String> objects = objects(dir);
        long total = objects.values().stream().mapToLong(String::length).sum();
        assertTrue(total > 2L * FirehoseLayout.BUFFER_BYTES, "records: " + total + " bytes");
        for (Map.Entry<String, String> object : objects.entrySet()) {
            assertTrue(object.getValue().length() <= FirehoseLayout.BUFFER_BYTES, object.getKey());
            assertTrue(object.getValue().endsWith("}\n"), "an object ends with a whole record");
        }
        assertTrue(objects.size() >= 3, objects.keySet().toString());
    }

    @Test
    void noSpoolFileIsLeftAndAnExistingBucketNeedsForce() throws Exception {
        Path dir = tmp.resolve("bucket");
        GeneratorConfig config = oneDay().count(5).output(dir).firehoseStream("clicks").build();
        GeneratorOutput.write(config, OutputStream.nullOutputStream(), ProgressListener.NONE);
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(List.of("2025"), top.map(p -> p.getFileName().toString()).toList());
        }
        OutputException e = assertThrows(OutputException.class, () -> GeneratorOutput.write(config,
                OutputStream.nullOutputStream(), ProgressListener.NONE));
        assertEquals(dir + " is not empty (use --force to write into it anyway)", e.getMessage());
        GeneratorOutput.write(config.toBuilder().force(true).build(), OutputStream.nullOutputStream(),
                ProgressListener.NONE);
    }

    @Test
    void theLayoutNeedsRecordsADirectoryAStreamNameAndOneShard() {
        Path dir = tmp.resolve("bucket");
        assertEquals("the Firehose layout needs format event-stream and an output directory", assertThrows(
                IllegalArgumentException.class, () -> oneDay().firehoseStream("clicks").build()).getMessage());
        assertEquals("the Firehose layout needs format event-stream and an output directory", assertThrows(
                IllegalArgumentException.class, () -> oneDay().invalidRate(0).format(OutputFormat.NDJSON).output(dir)
                        .firehoseStream("clicks").build()).getMessage());
        assertEquals("'my stream' is not a Firehose stream name (1 to 64 of a-z, A-Z, 0-9, _ . -)", assertThrows(
                IllegalArgumentException.class, () -> oneDay().output(dir).firehoseStream("my stream").build())
                .getMessage());
        assertEquals("the Firehose layout is written whole: shards would name the same S3 objects", assertThrows(
                IllegalArgumentException.class, () -> oneDay().output(dir).firehoseStream("clicks").shard(0, 2)
                        .build()).getMessage());
    }

    @Test
    void uuidsAreVersionFourAndDifferByPlace() {
        assertEquals(4, FirehoseLayout.uuid(1, 2, 0).version());
        assertEquals(2, FirehoseLayout.uuid(1, 2, 0).variant());
        assertEquals(FirehoseLayout.uuid(1, 2, 0), FirehoseLayout.uuid(1, 2, 0));
        assertFalse(FirehoseLayout.uuid(1, 2, 0).equals(FirehoseLayout.uuid(1, 2, 1)));
        assertFalse(FirehoseLayout.uuid(1, 2, 0).equals(FirehoseLayout.uuid(1, 3, 0)));
    }
}

package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration recipe of docs/event-stream.md: generate event-stream records, then check them as a producer's output. */
class EventStreamCommandsTest {

    @Test
    void generatedRecordsPassValidateKindEventStream(@TempDir Path dir) throws IOException {
        Path records = dir.resolve("records.ndjson");
        Cli.Result generated = Cli.run("generate", "--count", "30", "--seed", "3", "--invalid-rate", "0.3",
                "--format", "event-stream", "--output", records.toString());
        assertEquals(0, generated.code(), generated.toString());
        assertTrue(Files.readAllLines(records).size() > 30);
        try (var names = Files.list(dir)) {
            assertEquals(1, names.count(), "no expected answers or index beside records");
        }
        Cli.Result checked = Cli.run("validate", "--kind", "event-stream", records.toString());
        assertEquals(0, checked.code(), checked.toString());
    }

    @Test
    void recordsOnStandardOutputAreTheSameOnEveryRun() {
        Cli.Result one = Cli.run("generate", "--count", "5", "--seed", "9", "--format", "event-stream");
        Cli.Result two = Cli.run("generate", "--count", "5", "--seed", "9", "--format", "event-stream",
                "--threads", "3");
        assertEquals(0, one.code());
        assertEquals(one, two);
    }

    @Test
    void aRecordWithAMisnamedMemberFailsWithItsPointer(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("producer.ndjson");
        Files.writeString(file, "{\"event_type\":\"purchase\",\"event_timestamp\":1736547547089,"
                + "\"arrival_timestamp\":1736547548120,\"event_version\":\"3.0\",\"application\":{\"app_id\":\"a\"},"
                + "\"client\":{\"client_id\":\"c\"},\"attributes\":{},\"metrics\":{},\"eventType\":\"purchase\"}\n");
        Cli.Result checked = Cli.run("validate", "--kind", "event-stream", file.toString());
        assertEquals(1, checked.code());
        assertEquals(file + ":1: error record.schema /eventType: Record does not match the event-stream record"
                + " schema (property 'eventType' is not defined in the schema and the schema does not allow"
                + " additional properties)\n" + file + ":1: FAIL record: 1 finding\n"
                + "1 request in 1 file: 0 passed, 1 failed, 0 warnings\n", checked.out());
    }

    @Test
    void theFirehoseLayoutWritesHourPrefixedObjectsThatValidateReads(@TempDir Path dir) throws IOException {
        Path bucket = dir.resolve("bucket");
        Cli.Result generated = Cli.run("generate", "--count", "20", "--seed", "3", "--format", "event-stream",
                "--firehose-layout", "--output", bucket.toString());
        assertEquals(0, generated.code(), generated.toString());
        List<String> args = new ArrayList<>(List.of("validate", "--kind", "event-stream"));
        try (Stream<Path> walk = Files.walk(bucket)) {
            for (Path object : walk.filter(Files::isRegularFile).sorted().toList()) {
                String key = bucket.relativize(object).toString();
                assertTrue(key.matches("2025/01/(0[6-9]|1[0-3])/\\d{2}/pinpoint-events-1-2025-01-\\d{2}-\\d{2}-\\d{2}"
                        + "-\\d{2}-[0-9a-f-]{36}"), key);
                args.add(object.toString());
            }
        }
        assertTrue(args.size() > 4, args.toString());
        Cli.Result checked = Cli.run(args.toArray(String[]::new));
        assertEquals(0, checked.code(), checked.toString());
        // A directory search finds Firehose's objects, which have no extension, as it finds *.ndjson.
        Files.writeString(bucket.resolve("notes.txt"), "not a record");
        Cli.Result searched = Cli.run("validate", "--kind", "event-stream", bucket.toString());
        assertEquals(checked, searched);
        Cli.Result asRequests = Cli.run("validate", bucket.toString());
        assertEquals("0 requests in 0 files: 0 passed, 0 failed, 0 warnings\n", asRequests.out());

        Cli.Result named = Cli.run("generate", "--count", "20", "--seed", "3", "--format", "event-stream",
                "--firehose-layout=clicks", "--output", dir.resolve("named").toString());
        assertEquals(0, named.code(), named.toString());
        try (Stream<Path> walk = Files.walk(dir.resolve("named"))) {
            assertTrue(walk.filter(Files::isRegularFile).allMatch(p -> p.getFileName().toString()
                    .startsWith("clicks-1-2025-01-")));
        }
    }

    @Test
    void theFirehoseLayoutNeedsAnOutputDirectory() {
        Cli.Result r = Cli.run("generate", "--format", "event-stream", "--firehose-layout");
        assertEquals(2, r.code());
        assertEquals("pinpoint-events generate: the Firehose layout needs format event-stream and an output"
                + " directory\n", r.err());
    }

    @Test
    void anUnknownKindIsAUsageError() {
        Cli.Result r = Cli.run("validate", "--kind", "records", "x.ndjson");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'records' is not one of request, event-stream"), r.err());
    }
}

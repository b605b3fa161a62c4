package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void anUnknownKindIsAUsageError() {
        Cli.Result r = Cli.run("validate", "--kind", "records", "x.ndjson");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'records' is not one of request, event-stream"), r.err());
    }
}

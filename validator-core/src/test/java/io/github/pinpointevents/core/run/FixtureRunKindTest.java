package io.github.pinpointevents.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's kind decides how its inputs are read: the build tools check event-stream records through it. */
class FixtureRunKindTest {

    private static final String RECORD = "{\"event_type\":\"purchase\",\"event_timestamp\":1736547547089,"
            + "\"arrival_timestamp\":1736547548120,\"event_version\":\"3.0\",\"application\":{\"app_id\":\"a\"},"
            + "\"client\":{\"client_id\":\"c\"},\"attributes\":{},\"metrics\":{}}";

    @Test
    void anEventStreamRunChecksEachLineAsARecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.ndjson");
        Files.writeString(file, RECORD + "\n" + RECORD.replace("\"event_type\"", "\"eventType\"") + "\n");
        List<String> seen = new ArrayList<>();
        Summary summary = new FixtureRun(ValidatorConfig.defaults(), 2, false, InputKind.EVENT_STREAM)
                .run(List.of(file), InputStream.nullInputStream(), List.of(), result -> seen.add(describe(result)));
        assertEquals(new Summary(1, 2, 1, 1, 0), summary);
        assertEquals(List.of("1 passed", "2 record.schema /eventType record.schema /event_type"), seen);
    }

    @Test
    void theSameLinesAreOneUnparsableRequestFileToARequestRun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.ndjson");
        Files.writeString(file, RECORD + "\n");
        Summary summary = new FixtureRun(ValidatorConfig.defaults(), 1, false).run(List.of(file),
                InputStream.nullInputStream(), List.of(), r -> { });
        assertEquals(0, summary.passed(), "a record is no EventsRequest");
    }

    @Test
    void aBuildToolsReportOfRecordsIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("producer.ndjson");
        Files.writeString(file, RECORD + "\n");
        List<String> lines = new ArrayList<>();
        Summary summary = FixtureCheck.run(new FixtureRun(ValidatorConfig.defaults(), 1, false,
                InputKind.EVENT_STREAM), List.of(file), List.of(ReportFormat.JSON), dir.resolve("reports"),
                line -> lines.add(line.text()));
        assertEquals(1, summary.passed());
        assertEquals("1 request in 1 file: 1 passed, 0 failed, 0 warnings", lines.get(lines.size() - 1));
        assertEquals(true, Files.readString(dir.resolve("reports").resolve(ReportFormat.JSON.fileName()))
                .contains("producer.ndjson"));
    }

    @Test
    void aRunNeedsAKind() {
        assertThrows(NullPointerException.class, () -> new FixtureRun(ValidatorConfig.defaults(), 1, false, null));
    }

    private static String describe(RequestResult result) {
        StringBuilder s = new StringBuilder(Integer.toString(result.line()));
        if (result.passed()) {
            return s.append(" passed").toString();
        }
        result.decision().errors().stream().map(f -> " " + f.rule().id() + " " + f.pointer()).sorted()
                .forEach(s::append);
        return s.toString();
    }
}

package io.github.pinpointevents.core.eventstream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import io.github.pinpointevents.core.fixture.BoundedLines;
import io.github.pinpointevents.core.fixture.DocumentKind;
import io.github.pinpointevents.core.fixture.FileChecker;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.ShapeModel;
import io.github.pinpointevents.core.internal.decision.IntegerMembers;
import io.github.pinpointevents.core.internal.decision.SchemaEngine;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.stream.RecordNotJsonRule;
import io.github.pinpointevents.core.rules.stream.RecordSchemaRule;
import io.github.pinpointevents.core.rules.stream.SessionOrderRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks event-stream records a producer wrote (NDJSON, one record a line, or one record per file) against
 * {@code schemas/event-stream-record.schema.json} and the mapping's cross-member rules, one
 * {@link RequestResult} per record, so the {@code validate} reports carry them unchanged. Memory is bounded by
 * the 1 MiB record limit, whatever the file's size. Thread-safe.
 */
public final class EventStreamValidator implements FileChecker {

    /** The schema's file name under {@code schemas/}. */
    public static final String SCHEMA = "event-stream-record.schema.json";

    private static final RecordNotJsonRule NOT_JSON = new RecordNotJsonRule();
    private static final RecordSchemaRule SCHEMA_RULE = new RecordSchemaRule();
    private static final SessionOrderRule SESSION_ORDER = new SessionOrderRule();
    private static final Decision NO_ANSWER = new Decision(new EventsResponse(Map.of()), null, List.of(), List.of());

    private final Schema schema;
    /** The record's integer members (the epoch milliseconds), for {@link IntegerMembers#exactAt}. */
    private final List<List<String>> integerPaths;

    public EventStreamValidator() {
        schema = SchemaEngine.registry().getSchema(SchemaLocation.of(SchemaEngine.ID_PREFIX + SCHEMA));
        schema.initializeValidators();
        integerPaths = IntegerMembers.integerPaths(ShapeModel.get().document(SCHEMA));
    }

    /**
     * The name of an uncompressed S3 object a Firehose stream delivers with its default settings,
     * {@code STREAM-VERSION-YYYY-MM-dd-HH-mm-ss-UUID} (https://docs.aws.amazon.com/firehose/latest/dev/s3-object-name.html).
     */
    private static final java.util.regex.Pattern FIREHOSE_OBJECT = java.util.regex.Pattern.compile(
            "[a-zA-Z0-9_.-]{1,64}-\\d+(-\\d{2,4}){6}-\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    /**
     * Whether a directory search finds {@code file} as records: a fixture's name ({@code *.json}, {@code *.ndjson},
     * {@code *.jsonl}, not {@code *.expected.*}) or a Firehose S3 object's, as {@code aws s3 sync} copies them.
     */
    public static boolean isRecordFile(Path file) {
        return FixtureValidator.isFixture(file) || FIREHOSE_OBJECT.matcher(file.getFileName().toString()).matches();
    }

    /** The rules records are checked by, for catalogues and docs. */
    public static List<Rule> rules() {
        return List.of(NOT_JSON, SCHEMA_RULE, SESSION_ORDER);
    }

    /** Every record of every file, in order, handed to {@code sink} as it is checked. */
    @Override
    public void validateFiles(List<Path> files, Consumer<RequestResult> sink) throws FixtureException {
        for (Path file : files) {
            // A .json file holds one record; any other (.ndjson, .jsonl, a Firehose S3 object) one a line.
            boolean lines = !file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
            try (InputStream in = Files.newInputStream(file)) {
                validateStream(file.toString(), in, lines, sink);
            } catch (IOException e) {
                throw new FixtureException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    /**
     * Every record of a stream: one a line (NDJSON, blank lines skipped) or, with {@code lines} false, one
     * record for the whole stream.
     */
    @Override
    public void validateStream(String name, InputStream in, boolean lines, Consumer<RequestResult> sink)
            throws FixtureException {
        BoundedLines reader = new BoundedLines(in, lines, RecordNotJsonRule.MAX_RECORD_BYTES);
        try {
            for (BoundedLines.Line line = reader.next(); line != null; line = reader.next()) {
                if (!line.blank()) {
                    sink.accept(check(name, lines ? line.number() : 0, line));
                }
            }
        } catch (IOException e) {
            throw new FixtureException("cannot read " + name + ": " + e.getMessage());
        }
    }

    /** The findings on one record's JSON; empty when it is a record as the service streamed it. */
    public List<Finding> check(JsonNode record) {
        List<Finding> findings = new ArrayList<>();
        if (!record.isObject()) {
            String type = record.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            findings.add(finding(NOT_JSON, "", "got a JSON " + type));
            return findings;
        }
        // networknt's minimum reads a double with asLong(), which throws beyond a long's range (-1e19).
        for (Error error : schema.validate(IntegerMembers.exactAt(record, integerPaths))) {
            String pointer = error.getInstanceLocation().toString();
            if (error.getProperty() != null && (error.getKeyword().equals("required")
                    || error.getKeyword().equals("additionalProperties"))) {
                pointer = pointer + "/" + Json.escapePointer(error.getProperty());
            }
            findings.add(finding(SCHEMA_RULE, pointer, error.getMessage()));
        }
        JsonNode start = record.path("session").path("start_timestamp");
        JsonNode stop = record.path("session").path("stop_timestamp");
        // Compared as BigIntegers: Jackson 3's longValue() throws for an integer beyond a long's range.
        if (start.isIntegralNumber() && stop.isIntegralNumber()
                && stop.bigIntegerValue().compareTo(start.bigIntegerValue()) < 0) {
            findings.add(finding(SESSION_ORDER, "/session/stop_timestamp",
                    "stop " + stop.bigIntegerValue() + " < start " + start.bigIntegerValue()));
        }
        return findings;
    }

    private RequestResult check(String name, int number, BoundedLines.Line line) {
        List<Finding> findings;
        if (line.bytes() == null) {
            findings = List.of(finding(NOT_JSON, "", "more than " + RecordNotJsonRule.MAX_RECORD_BYTES
                    + " bytes"));
        } else {
            JsonNode record = null;
            String problem = null;
            try {
                record = Json.MAPPER.readTree(line.bytes());
            } catch (JacksonException e) {
                problem = e.getOriginalMessage();
            }
            findings = record == null ? List.of(finding(NOT_JSON, "", problem)) : check(record);
        }
        Decision decision = findings.isEmpty() ? NO_ANSWER
                : new Decision(new EventsResponse(Map.of()), null, findings, List.of());
        return new RequestResult(name, number, DocumentKind.EVENT_STREAM_RECORD, null, decision, List.of(), null,
                null, findings.isEmpty());
    }

    private static Finding finding(Rule rule, String pointer, String detail) {
        return new Finding(rule, rule.message(), pointer, null, null, detail, 0, 0);
    }
}

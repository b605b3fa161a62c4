package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.fixture.DocumentKind;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.result.Finding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureValidatorTest {

    private final FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(
            ValidatorConfig.builder().warnings(false).build()));

    @TempDir
    Path dir;

    private static final String OK = "{\"BatchItem\":{\"ep\":{\"Endpoint\":{},\"Events\":{\"e\":"
            + "{\"EventType\":\"play\",\"Timestamp\":\"2025-01-01T00:00:00.000Z\"}}}}}";
    private static final String BLANK_TYPE = OK.replace("\"play\"", "\"  \"");

    @Test
    void ndjsonRequestsKeepTheirLineNumbers() throws Exception {
        Path file = dir.resolve("batch.ndjson");
        Files.writeString(file, OK + "\n\n" + BLANK_TYPE + "\r\n{not json\n");
        List<RequestResult> results = fixtures.validateFile(file);
        assertEquals(List.of(1, 3, 4), results.stream().map(RequestResult::line).toList());
        assertTrue(results.get(0).passed());
        Finding blank = results.get(1).decision().errors().get(0);
        assertEquals("event.event-type-blank", blank.rule().id());
        assertEquals(3, blank.line());
        assertEquals(OK.indexOf("\"EventType\"") + 1, blank.column());
        assertEquals(DocumentKind.UNPARSABLE, results.get(2).kind());
        assertEquals("request.malformed-json", results.get(2).decision().errors().get(0).rule().id());
        assertEquals(4, results.get(2).decision().errors().get(0).line());
        assertEquals(file + ":3", results.get(1).name());
    }

    /**
     * Each request reaches the sink before the next line is read, which is what bounds the memory of a
     * 1 GB NDJSON run. The stream below delivers one line a read, as a slow pipe would, and checks on
     * every read that all the lines before it have been reported.
     */
    @Test
    void eachRequestIsHandedOverBeforeTheNextLineIsRead() throws Exception {
        byte[] text = (OK + "\n" + BLANK_TYPE + "\n" + OK + "\n").getBytes(StandardCharsets.UTF_8);
        List<Integer> reported = new ArrayList<>();
        InputStream lineByLine = new InputStream() {
            private int position;
            private int linesDelivered;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position == text.length) {
                    return -1;
                }
                assertEquals(linesDelivered, reported.size(), "lines reported when line "
                        + (linesDelivered + 1) + " is asked for");
                int end = position;
                while (text[end] != '\n') {
                    end++;
                }
                int n = Math.min(len, end + 1 - position);
                System.arraycopy(text, position, b, off, n);
                position += n;
                linesDelivered += text[position - 1] == '\n' ? 1 : 0;
                return n;
            }
        };
        fixtures.validateStream("-", lineByLine, true, r -> reported.add(r.line()));
        assertEquals(List.of(1, 2, 3), reported);
    }

    /**
     * With four threads the results are those of one thread, in input order, and the reader stays at most a
     * bounded backlog (twice the threads) ahead of the sink.
     */
    @Test
    void parallelDecisionsArriveInInputOrderWithABoundedBacklog() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(i % 7 == 3 ? BLANK_TYPE : OK.replace("\"ep\"", "\"ep" + i + "\"")).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<RequestResult> sequential = fixtures.validateStream("-", new java.io.ByteArrayInputStream(bytes), true);

        FixtureValidator parallel = new FixtureValidator(PutEventsValidator.create(
                ValidatorConfig.builder().warnings(false).build()), 4);
        List<RequestResult> reported = new ArrayList<>();
        int[] linesRead = {0};
        int[] mostAhead = {0};
        InputStream counting = new java.io.ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, Math.min(len, 64)); // a little at a time, so the lead is measurable
                for (int i = off; i < off + Math.max(n, 0); i++) {
                    linesRead[0] += b[i] == '\n' ? 1 : 0;
                }
                mostAhead[0] = Math.max(mostAhead[0], linesRead[0] - reported.size());
                return n;
            }
        };
        parallel.validateStream("-", counting, true, reported::add);
        assertEquals(sequential, reported);
        assertTrue(mostAhead[0] <= 2 * 4 + 2, "read " + mostAhead[0] + " lines ahead of the sink");
        assertThrows(IllegalArgumentException.class, () -> new FixtureValidator(PutEventsValidator.create(
                ValidatorConfig.defaults()), 0));
    }

    /** An expected NDJSON sibling is read in step with the requests; a request beyond its end fails. */
    @Test
    void expectedNdjsonAnswersAreReadLineByLine() throws Exception {
        Path file = dir.resolve("pair.ndjson");
        Files.writeString(file, OK + "\n" + OK + "\n");
        Files.writeString(dir.resolve("pair.expected.ndjson"), "\n{\"EventsResponse\":{\"Results\":{\"ep\":{"
                + "\"EndpointItemResponse\":{\"StatusCode\":202,\"Message\":\"Accepted\"},"
                + "\"EventsItemResponse\":{\"e\":{\"StatusCode\":202,\"Message\":\"Accepted\"}}}}}}\n");
        List<RequestResult> results = fixtures.validateFile(file);
        assertTrue(results.get(0).passed());
        assertEquals("no expected answer for this request in " + dir.resolve("pair.expected.ndjson"),
                results.get(1).mismatch());
    }

    /** A line over the body limit is answered by its length alone; the lines around it are read as usual. */
    @Test
    void anNdjsonLineOverTheLimitIsRefusedBySizeAndItsNeighboursKeepTheirLines() throws Exception {
        Path file = dir.resolve("big.ndjson");
        String huge = "{\"BatchItem\":{\"ep\":{\"Endpoint\":{\"Address\":\"" + "x".repeat(4_000_000) + "\"}}}}";
        Files.writeString(file, OK + "\n" + huge + "\r\n" + BLANK_TYPE + "\n");
        List<RequestResult> results = fixtures.validateFile(file);
        assertEquals(List.of(1, 2, 3), results.stream().map(RequestResult::line).toList());
        assertTrue(results.get(0).passed());
        RequestResult big = results.get(1);
        assertEquals(DocumentKind.OVERSIZED, big.kind());
        assertEquals(413, big.decision().error().httpStatus());
        Finding v = big.decision().errors().get(0);
        assertEquals("request.payload-too-large", v.rule().id());
        assertEquals((huge.length() + 1) + " bytes", v.detail(), "the line's length, with its carriage return");
        assertEquals(2, v.line());
        assertEquals("event.event-type-blank", results.get(2).decision().errors().get(0).rule().id());
        assertEquals(3, results.get(2).decision().errors().get(0).line());
    }

    /** A whole-document file over the limit is never read: its size decides, as an expected sibling can say. */
    @Test
    void aFileOverTheLimitIsAnsweredBySizeAndMatchesItsExpectedSibling() throws Exception {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[4_000_001]); // NUL bytes: reading it would refuse it as not UTF-8
        Files.writeString(dir.resolve("big.expected.json"), "{\"Error\": {\"Code\": \"PayloadTooLargeException\","
                + " \"Message\": \"Request body exceeds the maximum size of 4 MB\", \"HTTPStatusCode\": 413}}");
        RequestResult r = fixtures.validateFile(file).get(0);
        assertEquals(DocumentKind.OVERSIZED, r.kind());
        assertEquals("4000001 bytes", r.decision().errors().get(0).detail());
        assertNull(r.mismatch());
        assertTrue(r.passed());
    }

    @Test
    void cliInputFindingsPointIntoTheFile() throws Exception {
        Path file = dir.resolve("input.json");
        Files.writeString(file, "{\n  \"ApplicationId\": \"app\",\n  \"EventsRequest\": " + BLANK_TYPE + "\n}\n");
        RequestResult r = fixtures.validateFile(file).get(0);
        assertEquals(DocumentKind.CLI_INPUT, r.kind());
        assertEquals("app", r.applicationId());
        Finding v = r.decision().errors().get(0);
        assertEquals("/EventsRequest/BatchItem/ep/Events/e/EventType", v.pointer());
        assertEquals(3, v.line());
        assertEquals("  \"EventsRequest\": ".length() + OK.indexOf("\"EventType\"") + 1, v.column());
        assertEquals("ep", v.endpointId());
        assertEquals("e", v.eventId());
        assertFalse(r.passed());
    }

    @Test
    void parameterFindingsOfABareBodyPointIntoTheBody() throws Exception {
        Path file = dir.resolve("body.json");
        Files.writeString(file, OK.replace("\"Timestamp\":\"2025-01-01T00:00:00.000Z\"", "\"Timestamp\":5"));
        RequestResult r = fixtures.validateFile(file).get(0);
        Finding v = r.parameterFindings().get(0);
        assertEquals("client.invalid-type", v.rule().id());
        assertEquals("/BatchItem/ep/Events/e/Timestamp", v.pointer());
        assertEquals("Invalid type for parameter EventsRequest.BatchItem.ep.Events.e.Timestamp, value: 5,"
                + " type: <class 'int'>, valid types: <class 'str'>", v.message());
    }

    @Test
    void anExpectedSiblingDecidesAndItsDifferencesAreNamed() throws Exception {
        Path file = dir.resolve("case.json");
        Files.writeString(file, BLANK_TYPE);
        Files.writeString(dir.resolve("case.expected.json"), "{\"EventsResponse\":{\"Results\":{\"ep\":{"
                + "\"EndpointItemResponse\":{\"StatusCode\":202,\"Message\":\"Accepted\"},"
                + "\"EventsItemResponse\":{\"e\":{\"StatusCode\":202,\"Message\":\"Accepted\"}}}}}}");
        RequestResult r = fixtures.validateFile(file).get(0);
        assertFalse(r.passed());
        assertEquals("ep/e: expected 202 \"Accepted\", decided 400 \"Event type cannot be null, empty or blank\"",
                r.mismatch());

        Files.writeString(dir.resolve("case.expected.json"), "{\"EventsResponse\":{\"Results\":{\"ep\":{"
                + "\"EndpointItemResponse\":{\"StatusCode\":202,\"Message\":\"Accepted\"},"
                + "\"EventsItemResponse\":{\"e\":{\"StatusCode\":400,"
                + "\"Message\":\"Event type cannot be null, empty or blank\"}}}}}}");
        RequestResult matched = fixtures.validateFile(file).get(0);
        assertTrue(matched.passed());
        assertNull(matched.mismatch());
    }

    @Test
    void directoriesAreSearchedAndExpectedFilesAreNotRequests() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/one.json"), OK);
        Files.writeString(dir.resolve("a/one.expected.json"), "{}");
        Files.writeString(dir.resolve("a/two.jsonl"), OK + "\n");
        Files.writeString(dir.resolve("a/notes.txt"), "not a fixture");
        List<Path> files = FixtureValidator.collect(List.of(dir));
        assertEquals(List.of(dir.resolve("a/b/one.json"), dir.resolve("a/two.jsonl")), files);
        assertThrows(FixtureException.class, () -> FixtureValidator.collect(List.of(dir.resolve("missing"))));
    }
}

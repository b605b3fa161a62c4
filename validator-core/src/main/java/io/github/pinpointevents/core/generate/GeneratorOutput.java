package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.eventstream.EventStreamRecords;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.internal.TemporarySibling;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a run in the configured {@link OutputFormat}: the one call front ends make. Files are written to a
 * temporary sibling and moved into place, so a failed run leaves no half-written file; existing files and
 * non-empty directories are refused unless {@link GeneratorConfig#force()}. In invalid mode the expected answer
 * is written beside each request: {@code NAME.expected.json} beside {@code NAME.json},
 * {@code NAME.expected.ndjson} (one line per request) beside {@code NAME.ndjson}; NDJSON and JSON array lines
 * are ASCII (other characters escaped), so standard output carries the same bytes in any locale. An {@code index.csv}
 * ({@code NAME.index.csv} beside a single output file) lists every request with the rule its mutation breaks.
 * With {@link GeneratorConfig#firehoseStream()}, event-stream records are laid out as Firehose's S3 objects
 * instead ({@code FirehoseLayout}).
 *
 * <p>Sharding: the shards of a run concatenate to the unsharded output. NDJSON lines and index rows are per
 * request; only the shard holding request 0 writes the index header and the JSON array's opening bracket, only
 * the last writes its closing bracket; request files are named by their index in the whole run.
 */
public final class GeneratorOutput {

    private static final byte[] NEWLINE = {'\n'};
    private static final String INDEX_HEADER = "request,applicationId,endpoints,events,bytes,mutation\n";
    private static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();
    /** NDJSON and JSON array lines escape non-ASCII text: the same bytes whatever the console's charset. */
    private static final JsonMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private GeneratorOutput() {
    }

    /**
     * Generates and writes this shard of the run.
     *
     * @param stdout where NDJSON or the JSON array goes when {@link GeneratorConfig#output()} is null
     */
    public static GenerationSummary write(GeneratorConfig config, OutputStream stdout, ProgressListener progress)
            throws OutputException {
        RequestGenerator generator = RequestGenerator.create(config);
        if (config.firehoseStream() != null) {
            return FirehoseLayout.write(generator, progress);
        }
        return config.format().directory() ? writeDirectory(generator, progress)
                : writeFile(generator, stdout, progress);
    }

    private static GenerationSummary writeFile(RequestGenerator generator, OutputStream stdout,
            ProgressListener progress) throws OutputException {
        GeneratorConfig config = generator.config();
        boolean array = config.format() == OutputFormat.JSON_ARRAY;
        // Records carry only the accepted events: no expected answers or index beside them.
        boolean records = config.format() == OutputFormat.EVENT_STREAM;
        boolean expectations = config.invalidRate() > 0 && !records;
        Path output = config.output();
        List<Pending> files = new ArrayList<>();
        try {
            OutputStream out;
            Pending expected = null;
            Pending index = null;
            if (output == null) {
                out = new BufferedOutputStream(stdout, 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // never close the caller's stream
                    }
                };
            } else {
                String name = output.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String stem = dot <= 0 ? name : name.substring(0, dot);
                String extension = dot <= 0 ? (array ? ".json" : ".ndjson") : name.substring(dot);
                Pending main = new Pending(output, config.force());
                files.add(main);
                if (expectations) {
                    expected = new Pending(output.resolveSibling(stem + ".expected" + extension), config.force());
                    files.add(expected);
                }
                if (!records) {
                    index = new Pending(output.resolveSibling(stem + ".index.csv"), config.force());
                    files.add(index);
                }
                TemporarySibling.removeStale(output.toAbsolutePath().getParent(), stem);
                for (Pending p : files) {
                    p.checkFree();
                }
                for (Pending p : files) {
                    p.open();
                }
                out = main.out;
            }
            GenerationSummary summary;
            boolean withIndex = index != null;
            try (out; Stream<Line> requests = generator.stream(r -> records
                    ? Line.records(r, config.seed()) : Line.of(r, array, expectations, withIndex))) {
                Counter counter = new Counter(config, progress);
                if (index != null && config.firstIndex() == 0) {
                    index.out.write(INDEX_HEADER.getBytes(StandardCharsets.UTF_8));
                }
                boolean opensArray = array && config.firstIndex() == 0 && config.count() > 0;
                if (opensArray) {
                    out.write('[');
                    out.write('\n');
                    if (expected != null) {
                        expected.out.write("[\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
                for (Iterator<Line> it = requests.iterator(); it.hasNext();) {
                    Line line = it.next();
                    GeneratedRequest r = line.request;
                    if (array && r.index() > 0) {
                        out.write(',');
                        out.write('\n');
                    }
                    out.write(line.document);
                    if (!array && !records) {
                        out.write(NEWLINE);
                    }
                    if (expected != null) {
                        if (array && r.index() > 0) {
                            expected.out.write(",\n".getBytes(StandardCharsets.UTF_8));
                        }
                        expected.out.write(line.expected);
                        if (!array) {
                            expected.out.write(NEWLINE);
                        }
                    }
                    if (index != null) {
                        index.out.write(line.indexRow);
                    }
                    counter.add(r, line.bytes);
                }
                boolean closesArray = array && config.endIndex() == config.count() && config.count() > 0;
                if (closesArray) {
                    out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
                    if (expected != null) {
                        expected.out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
                    }
                } else if (array && config.count() == 0 && config.shardIndex() == 0) {
                    out.write("[]\n".getBytes(StandardCharsets.UTF_8));
                    if (expected != null) {
                        expected.out.write("[]\n".getBytes(StandardCharsets.UTF_8));
                    }
                }
                summary = counter.summary();
            }
            for (Pending p : files) {
                p.commit();
            }
            return summary;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("cannot write " + (output == null ? "standard output" : output) + ": "
                    + message(e));
        } finally {
            files.forEach(Pending::discard);
        }
    }

    private static GenerationSummary writeDirectory(RequestGenerator generator, ProgressListener progress)
            throws OutputException {
        GeneratorConfig config = generator.config();
        Path dir = config.output();
        boolean expectations = config.invalidRate() > 0;
        boolean cliInput = config.format() == OutputFormat.CLI_INPUT;
        prepareDirectory(dir, config.force());
        int width = Math.max(6, Long.toString(config.count()).length());
        Pending index = new Pending(dir.resolve("index.csv"), true);
        try {
            index.open();
            if (config.firstIndex() == 0) {
                index.out.write(INDEX_HEADER.getBytes(StandardCharsets.UTF_8));
            }
            GenerationSummary summary;
            try (Stream<RequestFile> requests = generator.stream(r -> RequestFile.of(r, width, cliInput,
                    expectations))) {
                Counter counter = new Counter(config, progress);
                for (Iterator<RequestFile> it = requests.iterator(); it.hasNext();) {
                    RequestFile f = it.next();
                    writeAtomically(dir.resolve(f.stem + ".json"), f.content);
                    if (f.expected != null) {
                        writeAtomically(dir.resolve(f.stem + ".expected.json"), f.expected);
                    }
                    index.out.write(f.indexRow);
                    counter.add(f.request, f.bytes);
                }
                summary = counter.summary();
            }
            index.out.close();
            index.commit();
            return summary;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("cannot write into " + dir + ": " + message(e));
        } finally {
            index.discard();
        }
    }

    /** Creates an output directory, refusing a file or (without {@code force}) a non-empty directory. */
    static void prepareDirectory(Path dir, boolean force) throws OutputException {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new OutputException(dir + " exists and is not a directory");
            }
            TemporarySibling.removeStale(dir, null); // before the emptiness check: a killed run's leftovers
            if (Files.isDirectory(dir) && !force) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (entries.iterator().hasNext()) {
                        throw new OutputException(dir + " is not empty (use --force to write into it anyway)");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("cannot create " + dir + ": " + message(e));
        }
    }

    /** One request of a directory output, serialised on a generating thread. */
    private record RequestFile(GeneratedRequest request, String stem, byte[] content, byte[] expected,
            byte[] indexRow, long bytes) {
        static RequestFile of(GeneratedRequest r, int width, boolean cliInput, boolean expectations) {
            String stem = String.format(Locale.ROOT, "request-%0" + width + "d", r.index() + 1);
            byte[] content;
            long bytes;
            if (cliInput) {
                content = (PRETTY.writeValueAsString(r.cliInput()) + "\n").getBytes(StandardCharsets.UTF_8);
                bytes = PythonJson.dumps(r.eventsRequest()).length; // what the AWS CLI sends for it
            } else {
                content = r.body(); // exactly the bytes on the wire: no trailing newline
                bytes = content.length;
            }
            byte[] expected = expectations ? (PRETTY.writeValueAsString(r.expected().toJson()) + "\n")
                    .getBytes(StandardCharsets.UTF_8) : null;
            GeneratedRequest slim = new GeneratedRequest(r.index(), r.applicationId(), null, null, r.mutation(),
                    r.expected(), r.endpointCount(), r.eventCount());
            return new RequestFile(slim, stem, content, expected, indexLine(stem + ".json", r, bytes), bytes);
        }
    }

    /**
     * One request of an NDJSON, JSON array or event-stream output, serialised on a generating thread; for records,
     * {@code arrival} is their arrival_timestamp.
     */
    record Line(GeneratedRequest request, byte[] document, byte[] expected, byte[] indexRow, long bytes,
            long arrival) {
        /** The records of the request's accepted events, one a line (none for a refused request). */
        static Line records(GeneratedRequest r, long seed) {
            EventsResponse response = r.expected().error() == null ? r.expected().response() : null;
            List<ObjectNode> records = EventStreamRecords.records(r.applicationId(), r.eventsRequest(), response, 0);
            long arrival = arrivalMillis(seed, r.index(), records);
            java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
            for (ObjectNode record : records) {
                record.put("arrival_timestamp", arrival);
                lines.writeBytes(ASCII.writeValueAsBytes(record));
                lines.write('\n');
            }
            GeneratedRequest slim = new GeneratedRequest(r.index(), r.applicationId(), null, null, r.mutation(),
                    r.expected(), r.endpointCount(), records.size());
            return new Line(slim, lines.toByteArray(), null, null, lines.size(), arrival);
        }

        static Line of(GeneratedRequest r, boolean array, boolean expectations, boolean index) {
            long bytes = index ? PythonJson.dumps(r.eventsRequest()).length : Json.compactSize(r.eventsRequest());
            // Keep only what the writer needs: a 4 MB request should not stay referenced longer than its bytes.
            GeneratedRequest slim = new GeneratedRequest(r.index(), r.applicationId(), null, null, r.mutation(),
                    r.expected(), r.endpointCount(), r.eventCount());
            return new Line(slim, ASCII.writeValueAsBytes(r.cliInput()),
                    expectations ? ASCII.writeValueAsBytes(r.expected().toJson()) : null,
                    index ? indexLine(Long.toString(r.index() + 1), r, bytes) : null, bytes, 0);
        }
    }

    /**
     * The arrival time of a generated request: its latest event's time plus a delivery delay of 0.2 to 5 s drawn
     * from the seed and the request's index, never from the clock, so the records are the same on every run.
     */
    static long arrivalMillis(long seed, long index, List<ObjectNode> records) {
        long latest = 0;
        for (ObjectNode record : records) {
            latest = Math.max(latest, record.path("event_timestamp").asLong(0));
        }
        return latest + 200 + new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).nextLong(4_800);
    }

    private static byte[] indexLine(String file, GeneratedRequest r, long bytes) {
        return (file + "," + r.applicationId() + "," + r.endpointCount() + "," + r.eventCount() + "," + bytes + ","
                + (r.mutation() == null ? "" : r.mutation()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = TemporarySibling.create(target);
        try {
            Files.write(tmp, content);
            TemporarySibling.moveOver(tmp, target);
        } finally {
            TemporarySibling.delete(tmp);
        }
    }

    static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause.getClass().getSimpleName().equals("NoSuchFileException") ? "no such directory: "
                + cause.getMessage() : String.valueOf(cause.getMessage());
    }

    /** Counts what was written and reports progress about once a second's worth of requests. */
    static final class Counter {
        private final ProgressListener progress;
        private final long total;
        private long requests;
        private long events;
        private long invalid;
        private long bytes;

        Counter(GeneratorConfig config, ProgressListener progress) {
            this.progress = progress;
            this.total = config.endIndex() - config.firstIndex();
        }

        void add(GeneratedRequest r, long size) {
            requests++;
            events += r.eventCount();
            bytes += size;
            if (r.mutation() != null) {
                invalid++;
            }
            if (requests % 1000 == 0 || requests == total) {
                progress.progress(requests, total);
            }
        }

        GenerationSummary summary() {
            return new GenerationSummary(requests, events, invalid, bytes);
        }
    }

    /** A file written to a temporary sibling, moved over its target on commit. */
    private static final class Pending {
        final Path target;
        final boolean force;
        Path tmp;
        OutputStream out;

        Pending(Path target, boolean force) {
            this.target = target;
            this.force = force;
        }

        void checkFree() throws OutputException {
            if (Files.isDirectory(target)) {
                throw new OutputException(target + " is a directory");
            }
            if (!force && Files.exists(target)) {
                throw new OutputException(target + " exists (use --force to replace it)");
            }
        }

        void open() throws IOException {
            tmp = TemporarySibling.create(target);
            out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        }

        void commit() throws IOException {
            out.close();
            TemporarySibling.moveOver(tmp, target);
            tmp = null;
        }

        void discard() {
            try {
                if (out != null) {
                    out.close();
                }
                if (tmp != null) {
                    TemporarySibling.delete(tmp);
                }
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and harmless
            }
        }
    }
}

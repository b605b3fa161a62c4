package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.internal.TemporarySibling;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes event-stream records as a Firehose stream with its default S3 settings delivered them, so a job that
 * reads the bucket can read the output directory as it is. What Firehose does, from its documentation:
 * <ul>
 * <li>an object's key is the time prefix {@code YYYY/MM/dd/HH/} then
 *     {@code STREAM-VERSION-YYYY-MM-dd-HH-mm-ss-UUID} and a file extension, in UTC by default; the version starts
 *     at 1 (https://docs.aws.amazon.com/firehose/latest/dev/s3-object-name.html);</li>
 * <li>a prefix's time is the approximate arrival time of the oldest record in the object
 *     (https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html);</li>
 * <li>a buffer is delivered when it holds 5 MiB or is 300 s old, the default buffering hints
 *     (https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html).</li>
 * </ul>
 * Our readings: an uncompressed object (the default) has no extension, and the name's time is the prefix's.
 * A record arrives at its {@code arrival_timestamp} (drawn from the seed, never the clock). A buffer is one
 * 300 s interval since the epoch (so it never spans two hour prefixes), split where it would pass 5 MiB; its
 * records are in arrival order, a request's records together in their request order. The UUID is drawn from the
 * seed and the object's place, so the same options give the same names and bytes.
 *
 * <p>Memory: each request's records go to a spool file of their interval as they are generated; then each
 * interval is sorted in memory, so one interval may hold at most {@link #MAX_INTERVAL_BYTES}.
 */
final class FirehoseLayout {

    static final long INTERVAL_MILLIS = 300_000;
    static final int BUFFER_BYTES = 5 << 20;
    static final long MAX_INTERVAL_BYTES = 64L << 20;
    /** Spool files open at once; a request whose interval is not among them reopens its file. */
    private static final int OPEN_SPOOLS = 16;
    private static final DateTimeFormatter PREFIX = DateTimeFormatter.ofPattern("uuuu/MM/dd/HH", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private FirehoseLayout() {
    }

    static GenerationSummary write(RequestGenerator generator, ProgressListener progress) throws OutputException {
        GeneratorConfig config = generator.config();
        Path dir = config.output();
        GeneratorOutput.prepareDirectory(dir, config.force());
        Map<Long, Path> spools = new TreeMap<>();
        Map<Long, DataOutputStream> open = new LinkedHashMap<>(OPEN_SPOOLS * 2, 0.75f, true);
        try {
            GenerationSummary summary;
            try (Stream<GeneratorOutput.Line> lines = generator.stream(r -> GeneratorOutput.Line.records(r,
                    config.seed()))) {
                GeneratorOutput.Counter counter = new GeneratorOutput.Counter(config, progress);
                for (Iterator<GeneratorOutput.Line> it = lines.iterator(); it.hasNext();) {
                    GeneratorOutput.Line line = it.next();
                    if (line.document().length > 0) {
                        DataOutputStream spool = spool(dir, Math.floorDiv(line.arrival(), INTERVAL_MILLIS), spools,
                                open);
                        spool.writeLong(line.arrival());
                        spool.writeInt(line.document().length);
                        spool.write(line.document());
                    }
                    counter.add(line.request(), line.bytes());
                }
                summary = counter.summary();
            }
            for (DataOutputStream out : open.values()) {
                out.close();
            }
            open.clear();
            for (Map.Entry<Long, Path> interval : spools.entrySet()) {
                deliver(config, dir, interval.getKey(), interval.getValue());
                TemporarySibling.delete(interval.getValue());
            }
            return summary;
        } catch (IOException | UncheckedIOException e) {
            throw new OutputException("cannot write into " + dir + ": " + GeneratorOutput.message(e));
        } finally {
            for (DataOutputStream out : open.values()) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the spool is removed below
                }
            }
            for (Path spool : spools.values()) {
                try {
                    TemporarySibling.delete(spool);
                } catch (IOException ignored) {
                    // hidden, and removed by the next run at this output
                }
            }
        }
    }

    private static DataOutputStream spool(Path dir, long interval, Map<Long, Path> spools,
            Map<Long, DataOutputStream> open) throws IOException {
        DataOutputStream out = open.get(interval);
        if (out != null) {
            return out;
        }
        Path file = spools.get(interval);
        if (file == null) {
            file = TemporarySibling.create(dir.resolve("spool-" + interval));
            spools.put(interval, file);
        }
        if (open.size() == OPEN_SPOOLS) {
            Iterator<DataOutputStream> eldest = open.values().iterator();
            eldest.next().close();
            eldest.remove();
        }
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND),
                1 << 14));
        open.put(interval, out);
        return out;
    }

    /** One request's records in a spool: where they start and end, and when they arrived. */
    private record Chunk(long arrival, int start, int end) {
    }

    /** Writes one interval's records as the objects Firehose would have delivered for it. */
    private static void deliver(GeneratorConfig config, Path dir, long interval, Path spool)
            throws IOException, OutputException {
        long size = Files.size(spool);
        if (size > MAX_INTERVAL_BYTES) {
            throw new OutputException("more than " + (MAX_INTERVAL_BYTES >> 20) + " MiB of records arrive in the"
                    + " 5 minutes from " + Instant.ofEpochMilli(interval * INTERVAL_MILLIS) + ": spread the requests"
                    + " over a longer time window");
        }
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(spool));
        List<Chunk> chunks = new ArrayList<>();
        while (data.hasRemaining()) {
            long arrival = data.getLong();
            int length = data.getInt();
            chunks.add(new Chunk(arrival, data.position(), data.position() + length));
            data.position(data.position() + length);
        }
        chunks.sort(Comparator.comparingLong(Chunk::arrival)); // stable: ties keep request order
        byte[] bytes = data.array();
        java.io.ByteArrayOutputStream object = new java.io.ByteArrayOutputStream();
        long oldest = 0;
        int part = 0;
        for (Chunk chunk : chunks) {
            for (int from = chunk.start(); from < chunk.end();) {
                int to = from;
                while (bytes[to] != '\n') {
                    to++;
                }
                int length = to + 1 - from;
                if (object.size() > 0 && object.size() + length > BUFFER_BYTES) {
                    writeObject(config, dir, interval, part++, oldest, object);
                }
                if (object.size() == 0) {
                    oldest = chunk.arrival();
                }
                object.write(bytes, from, length);
                from = to + 1;
            }
        }
        if (object.size() > 0) {
            writeObject(config, dir, interval, part, oldest, object);
        }
    }

    private static void writeObject(GeneratorConfig config, Path dir, long interval, int part, long oldest,
            java.io.ByteArrayOutputStream object) throws IOException {
        Instant at = Instant.ofEpochMilli(oldest);
        String name = config.firehoseStream() + "-1-" + SUFFIX.format(at) + "-" + uuid(config.seed(), interval, part);
        GeneratorOutput.writeAtomically(dir.resolve(PREFIX.format(at)).resolve(name), object.toByteArray());
        object.reset();
    }

    /** A version 4 UUID drawn from the seed and the object's interval and part: the same on every run. */
    static UUID uuid(long seed, long interval, int part) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + interval * 131 + part);
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(3L << 62) | 1L << 63;
        return new UUID(high, low);
    }
}

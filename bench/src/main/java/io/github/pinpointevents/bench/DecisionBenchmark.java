package io.github.pinpointevents.bench;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JacksonException;

/**
 * Throughput, one thread, over a corpus our generator wrote ({@code bench/corpus.sh}): each operation takes
 * the next of its request bodies, in turn, so the figures are per request of the corpus.
 * <ul>
 *   <li>{@code jacksonTreeParse}: the bytes to a Jackson tree, nothing else (the baseline);</li>
 *   <li>{@code fullDecision}: {@code PutEventsValidator.decide}, the service's complete answer;</li>
 *   <li>{@code validateCommand}: what {@code validate} does per request: the decision, botocore's parameter
 *       validation, findings placed by line and column.</li>
 * </ul>
 * The corpus folder is {@code -Dpinpoint.corpus=DIR} (default {@code bench/target/corpus}); {@code corpus}
 * picks its {@code valid} or {@code invalid} (about 5% of requests break one rule) part.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@State(Scope.Benchmark)
public class DecisionBenchmark {

    @Param({"valid", "invalid"})
    public String corpus;

    private byte[][] bodies;
    private int next;
    private PutEventsValidator validator;
    private FixtureValidator fixtures;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("pinpoint.corpus", "bench/target/corpus")).resolve(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("corpus not found: " + dir.toAbsolutePath() + " (run bench/corpus.sh)");
        }
        bodies = read(dir);
        validator = PutEventsValidator.create(ValidatorConfig.defaults());
        fixtures = new FixtureValidator(validator);
        long accepted = Stream.of(bodies).filter(b -> validator.decide(b).allAccepted()).count();
        if (corpus.equals("valid") ? accepted != bodies.length : accepted == bodies.length) {
            throw new IllegalStateException(dir + ": " + accepted + " of " + bodies.length + " accepted");
        }
    }

    /** The request bodies of the folder in name order, without the expected answers beside them. */
    static byte[][] read(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> bodies = files.filter(f -> f.getFileName().toString().matches("request-\\d+\\.json"))
                    .sorted().toList();
            byte[][] out = new byte[bodies.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Files.readAllBytes(bodies.get(i));
            }
            return out;
        }
    }

    private byte[] nextBody() {
        byte[] body = bodies[next];
        next = next + 1 == bodies.length ? 0 : next + 1;
        return body;
    }

    /** A body the parser refuses (the invalid corpus has some) costs what parsing it up to the error costs. */
    @Benchmark
    public void jacksonTreeParse(Blackhole bh) {
        try {
            bh.consume(JsonCodec.read(nextBody()));
        } catch (JacksonException e) {
            bh.consume(e);
        }
    }

    @Benchmark
    public void fullDecision(Blackhole bh) {
        bh.consume(validator.decide(nextBody()));
    }

    @Benchmark
    public void validateCommand(Blackhole bh) {
        try {
            fixtures.validateStream("-", new ByteArrayInputStream(nextBody()), false, bh::consume);
        } catch (FixtureException e) {
            throw new UncheckedIOException(new IOException(e.getMessage()));
        }
    }
}

package io.github.pinpointevents.core.run;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FileChecker;
import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.report.ReportFile;
import io.github.pinpointevents.core.report.ReportWriter;
import io.github.pinpointevents.core.report.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One validate run: which inputs, decided how, reported where. Immutable; {@link #run} may be called again.
 *
 * Every front end ({@code validate}, the Maven goal, the Gradle task) maps its options onto one and calls
 * {@link #run} (through {@link FixtureCheck} for the build tools).
 *
 * @param validator the decision's configuration (warnings, strictness, the AWS CLI's check)
 * @param threads requests decided at once; no report depends on it
 * @param stdinNdjson whether standard input ({@code -} among the inputs) holds NDJSON rather than one document
 * @param kind what the inputs hold: PutEvents requests, or event-stream records (checked in order, one a line)
 */
public record FixtureRun(ValidatorConfig validator, int threads, boolean stdinNdjson, InputKind kind) {

    public FixtureRun {
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(kind, "kind");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more: " + threads);
        }
    }

    /** A run over PutEvents requests. */
    public FixtureRun(ValidatorConfig validator, int threads, boolean stdinNdjson) {
        this(validator, threads, stdinNdjson, InputKind.REQUEST);
    }

    /** A run with the front ends' default thread count: the number of processors, at most 8. */
    public FixtureRun(ValidatorConfig validator) {
        this(validator, defaultThreads(), false);
    }

    /** The front ends' default thread count: the number of processors, at most 8. */
    public static int defaultThreads() {
        return FixtureValidator.defaultThreads();
    }

    /**
     * The inputs the paths name, directories searched for this run's kind ({@link InputKind#resolve}), {@code -}
     * kept as standard input: resolved before anything is checked, so a mistyped path costs no report.
     *
     * @throws FixtureException a path does not exist or cannot be read
     */
    public List<Path> inputs(List<String> paths) throws FixtureException {
        return kind.resolve(paths);
    }

    /** Where a report goes: a file replaced only once the report is complete, or an open stream. */
    public sealed interface Target {
        /** A report file, written beside {@code file} and moved over it at the end. */
        record ToFile(Path file, Function<PrintWriter, ReportWriter> format) implements Target {
        }

        /** A report written as results arrive to a stream the caller owns. */
        record ToStream(PrintWriter out, Function<PrintWriter, ReportWriter> format) implements Target {
        }
    }

    /**
     * Decides every request of the inputs, in order, handing each result to {@code observer} and to every
     * report as it is decided: a run holds one request's result at a time.
     *
     * @param inputs from {@link #inputs}, standard input as {@link FileChecker#STDIN}
     * @throws FixtureException an input cannot be read
     * @throws IOException a report cannot be written (no earlier report file was replaced)
     */
    public Summary run(List<Path> inputs, InputStream stdin, List<Target> targets, Consumer<RequestResult> observer)
            throws FixtureException, IOException {
        FileChecker fixtures = kind.checker(PutEventsValidator.create(validator), threads);
        Summary.Tally tally = new Summary.Tally();
        List<ReportFile> files = new ArrayList<>();
        List<ReportWriter> streams = new ArrayList<>();
        try {
            for (Target target : targets) {
                if (target instanceof Target.ToFile f) {
                    files.add(ReportFile.create(f.file(), f.format()));
                } else if (target instanceof Target.ToStream s) {
                    streams.add(s.format().apply(s.out()));
                }
            }
            Consumer<RequestResult> sink = result -> {
                tally.add(result);
                observer.accept(result);
                files.forEach(f -> f.add(result));
                streams.forEach(w -> w.add(result));
            };
            fixtures.validate(inputs, stdin, stdinNdjson, sink);
            streams.forEach(ReportWriter::finish);
            for (ReportFile file : files) {
                file.commit();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (ReportFile file : files) {
                file.close();
            }
        }
        return tally.summary();
    }
}

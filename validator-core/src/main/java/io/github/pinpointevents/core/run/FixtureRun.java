package io.github.pinpointevents.core.run;

import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
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
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One validate run: which inputs, decided how, reported where. Immutable; {@link #run} may be called again.
 *
 * @param validator the decision's configuration (warnings, strictness, the AWS CLI's check)
 * @param threads requests decided at once; no report depends on it
 * @param stdinNdjson whether standard input ({@code -} among the inputs) holds NDJSON rather than one document
 */
public record FixtureRun(ValidatorConfig validator, int threads, boolean stdinNdjson) {

    /** The input name that stands for standard input. */
    public static final String STDIN = "-";

    public FixtureRun {
        Objects.requireNonNull(validator, "validator");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more: " + threads);
        }
    }

    /** A run with the front ends' default thread count: the number of processors, at most 8. */
    public FixtureRun(ValidatorConfig validator) {
        this(validator, FixtureValidator.defaultThreads(), false);
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
     * Resolves every input before any request is decided, so a mistyped path costs no report: files as
     * they are, directories searched for fixtures, {@link #STDIN} kept in its place.
     */
    public static List<Path> resolve(List<String> inputs) throws FixtureException {
        List<Path> resolved = new ArrayList<>();
        for (String input : inputs) {
            try {
                resolved.addAll(input.equals(STDIN) ? List.of(STDIN_PATH)
                        : FixtureValidator.collect(List.of(Path.of(input))));
            } catch (InvalidPathException e) {
                throw new FixtureException("'" + input + "' is not a valid path: " + e.getReason());
            }
        }
        return resolved;
    }

    /** Standard input's place among the paths; compared by identity, so a file named "-" stays a file. */
    private static final Path STDIN_PATH = Path.of(STDIN);

    /**
     * Decides every request of the inputs, in order, handing each result to {@code observer} and to every
     * report as it is decided: a run holds one request's result at a time.
     *
     * @param inputs from {@link #resolve}
     * @throws FixtureException an input cannot be read
     * @throws IOException a report cannot be written (no earlier report file was replaced)
     */
    public Summary run(List<Path> inputs, InputStream stdin, List<Target> targets, Consumer<RequestResult> observer)
            throws FixtureException, IOException {
        FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(validator), threads);
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
            // Runs of files between standard inputs share one pipeline, so small files are decided in parallel.
            List<Path> batch = new ArrayList<>();
            for (Path input : inputs) {
                if (input == STDIN_PATH) {
                    fixtures.validateFiles(batch, sink);
                    batch.clear();
                    fixtures.validateStream(STDIN, stdin, stdinNdjson, sink);
                } else {
                    batch.add(input);
                }
            }
            fixtures.validateFiles(batch, sink);
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

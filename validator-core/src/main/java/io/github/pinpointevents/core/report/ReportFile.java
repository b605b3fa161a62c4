package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.TemporarySibling;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A report streamed into a temporary file beside its target and moved over the target only when complete:
 * an earlier report survives a run that fails half way, and no reader ever sees half a report.
 */
public final class ReportFile implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final PrintWriter out;
    private final ReportWriter report;
    private boolean committed;

    private ReportFile(Path target, Path temporary, PrintWriter out, ReportWriter report) {
        this.target = target;
        this.temporary = temporary;
        this.out = out;
        this.report = report;
    }

    /** Opens a temporary sibling of {@code target} and a report of the given format on it. */
    public static ReportFile create(Path target, Function<PrintWriter, ReportWriter> format) throws IOException {
        Path temporary = TemporarySibling.create(target);
        try {
            BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            PrintWriter out = new PrintWriter(writer);
            return new ReportFile(target, temporary, out, format.apply(out));
        } catch (IOException | RuntimeException e) {
            TemporarySibling.delete(temporary);
            throw e;
        }
    }

    public void add(RequestResult result) {
        report.add(result);
    }

    /** The report being written, to add results to; {@link #commit} finishes it. */
    public ReportWriter writer() {
        return report;
    }

    /** Finishes the report and moves it over the target. */
    public void commit() throws IOException {
        try {
            report.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.close();
        if (out.checkError()) {
            throw new IOException("cannot write " + temporary);
        }
        TemporarySibling.moveOver(temporary, target);
        committed = true;
    }

    /** Removes the temporary file unless the report was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            TemporarySibling.delete(temporary);
        }
    }
}

package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.FixtureException;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One fixture check as a build runs it: every request of the files decided, each result logged as text and
 * streamed into every report as it comes (memory does not grow with the number of fixtures), and each report
 * moved over an earlier one only once complete. The one call a build-tool front end makes.
 */
public final class FixtureCheck {

    private FixtureCheck() {
    }

    /**
     * Validates {@code files} with {@code validator}, logs each result's lines and the summary line to
     * {@code log}, and writes one report per format into {@code reportDirectory} (created if missing).
     *
     * @throws FixtureException when a fixture cannot be read
     * @throws IOException when a report cannot be written
     */
    public static Summary run(FixtureValidator validator, List<Path> files, List<ReportFormat> formats,
            Path reportDirectory, Consumer<TextReport.Line> log) throws FixtureException, IOException {
        TextReport text = new TextReport(false);
        Summary.Tally tally = new Summary.Tally();
        List<ReportFile> reports = new ArrayList<>();
        try {
            if (!formats.isEmpty()) {
                Files.createDirectories(reportDirectory);
            }
            for (ReportFormat format : formats) {
                reports.add(ReportFile.create(reportDirectory.resolve(format.fileName()), format::open));
            }
            validator.validateFiles(files, result -> {
                tally.add(result);
                text.lines(result).forEach(log);
                reports.forEach(report -> report.add(result));
            });
            log.accept(TextReport.summaryLine(tally.summary()));
            for (ReportFile report : reports) {
                report.commit();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            for (ReportFile report : reports) {
                try {
                    report.close();
                } catch (IOException e) {
                    // Only a temporary file is left behind; the run's own outcome matters more.
                }
            }
        }
        return tally.summary();
    }

    /**
     * The message a build fails with when more than {@code maxAllowedFailures} requests fail, or null when it
     * passes.
     */
    public static String failureMessage(Summary summary, int maxAllowedFailures, Path reportDirectory) {
        int failed = summary.failed();
        if (failed <= maxAllowedFailures) {
            return null;
        }
        return failed + (failed == 1 ? " fixture request fails" : " fixture requests fail")
                + (maxAllowedFailures > 0 ? " (at most " + maxAllowedFailures + " allowed)" : "")
                + "; reports in " + reportDirectory;
    }
}

package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.DocumentKind;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One line per finding, compiler style, then one line per failing request and a summary:
 * <pre>
 * file:3:17: error event.event-type-blank [ep1/e1] /BatchItem/ep1/Events/e1/EventType: Event type cannot be ...
 * file: FAIL 1 of 3 items refused
 * </pre>
 */
public final class TextReport {

    private final boolean verbose;

    /** @param verbose also list passing requests and the findings behind expected refusals */
    public TextReport(boolean verbose) {
        this.verbose = verbose;
    }

    /** How a line should be shown: front ends map it to their own log levels. */
    public enum Kind { ERROR, WARNING, INFO }

    /** One line of the report. */
    public record Line(Kind kind, String text) {
    }

    /** Prints each request's lines as it arrives, and the summary line at the end. */
    public ReportWriter open(PrintWriter out) {
        Summary.Tally tally = new Summary.Tally();
        return new ReportWriter() {
            @Override
            public void add(RequestResult result) {
                tally.add(result);
                lines(result).forEach(line -> out.println(line.text()));
            }

            @Override
            public void finish() {
                out.println(summaryLine(tally.summary()).text());
                out.flush();
            }
        };
    }

    /** The lines of one request: its findings and warnings, then FAIL (or ok, when verbose). */
    public List<Line> lines(RequestResult r) {
        List<Line> lines = new ArrayList<>();
        boolean details = !r.passed() || verbose || r.expectedFile() == null;
        // Findings of a passing request (one expected to be refused) are not errors.
        Kind kind = r.passed() ? Kind.INFO : Kind.ERROR;
        if (details) {
            r.decision().errors().forEach(v -> lines.add(new Line(kind, finding(r, "error", v))));
            r.parameterFindings().forEach(v -> lines.add(new Line(kind, finding(r, "aws-cli", v))));
        }
        r.decision().warnings().forEach(v -> lines.add(new Line(Kind.WARNING, finding(r, "warning", v))));
        if (r.decision().unlisted() > 0) {
            lines.add(new Line(details ? kind : Kind.INFO, r.name() + ": " + r.decision().unlisted() + " more "
                    + (r.decision().unlisted() == 1 ? "finding" : "findings") + " not listed (a request lists at most "
                    + Decision.MAX_LISTED + " of each kind)"));
        }
        if (!r.passed()) {
            lines.add(new Line(Kind.ERROR, r.name() + ": FAIL " + verdict(r)));
        } else if (verbose) {
            lines.add(new Line(Kind.INFO, r.name() + ": ok" + (r.expectedFile() == null ? ""
                    : ", as " + r.expectedFile() + " expects")));
        }
        return lines;
    }

    /** {@code N requests in M files: P passed, F failed, W warnings}. */
    public static Line summaryLine(Summary s) {
        return new Line(Kind.INFO, s.requests() + (s.requests() == 1 ? " request" : " requests") + " in "
                + s.files() + (s.files() == 1 ? " file" : " files") + ": " + s.passed() + " passed, " + s.failed()
                + " failed, " + s.warnings() + (s.warnings() == 1 ? " warning" : " warnings"));
    }

    /** Why a request fails, or what the AWS CLI would do: the words after FAIL. */
    static String verdict(RequestResult r) {
        if (r.mismatch() != null) {
            return "differs from " + r.expectedFile() + ": " + r.mismatch();
        }
        if (r.kind() == DocumentKind.EVENT_STREAM_RECORD) {
            return "record: " + r.decision().errors().size() + (r.decision().errors().size() == 1 ? " finding"
                    : " findings");
        }
        if (r.decision().error() != null) {
            return "request refused: " + r.decision().error().errorType() + " (" + r.decision().error().httpStatus()
                    + "): " + r.decision().error().message().lines().findFirst().orElse("");
        }
        long refused = r.decision().response().results().values().stream()
                .mapToLong(i -> (i.endpointItemResponse().accepted() ? 0 : 1)
                        + i.eventsItemResponse().values().stream().filter(s -> !s.accepted()).count())
                .sum();
        long items = r.decision().response().results().values().stream()
                .mapToLong(i -> 1 + i.eventsItemResponse().size()).sum();
        if (refused > 0) {
            return refused + " of " + items + " items refused";
        }
        return "the AWS CLI refuses it before sending (parameter validation)";
    }

    private static String finding(RequestResult r, String kind, Finding v) {
        StringBuilder line = new StringBuilder(r.source());
        if (v.line() > 0) {
            line.append(':').append(v.line()).append(':').append(v.column());
        } else if (r.line() > 0) {
            line.append(':').append(r.line());
        }
        line.append(": ").append(kind).append(' ').append(v.rule().id());
        if (v.endpointId() != null) {
            line.append(" [").append(v.endpointId()).append(v.eventId() == null ? "" : "/" + v.eventId()).append(']');
        }
        line.append(' ').append(v.pointer().isEmpty() ? "/" : v.pointer()).append(": ")
                .append(v.message().lines().findFirst().orElse(""));
        if (v.detail() != null && !v.message().contains(v.detail()) && !kind.equals("aws-cli")) {
            line.append(" (").append(v.detail()).append(')');
        }
        return line.toString();
    }
}

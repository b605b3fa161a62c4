package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.result.Violation;
import java.io.PrintWriter;
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

    public void write(List<RequestResult> results, PrintWriter out) {
        for (RequestResult r : results) {
            boolean details = !r.passed() || verbose || r.expectedFile() == null;
            if (details) {
                r.decision().violations().forEach(v -> finding(r, "error", v, out));
                r.parameterFindings().forEach(v -> finding(r, "aws-cli", v, out));
            }
            r.decision().warnings().forEach(v -> finding(r, "warning", v, out));
            if (!r.passed()) {
                out.println(r.name() + ": FAIL " + verdict(r));
            } else if (verbose) {
                out.println(r.name() + ": ok" + (r.expectedFile() == null ? "" : ", as " + r.expectedFile()
                        + " expects"));
            }
        }
        Summary s = Summary.of(results);
        out.println(s.requests() + (s.requests() == 1 ? " request" : " requests") + " in " + s.files()
                + (s.files() == 1 ? " file" : " files") + ": " + s.passed() + " passed, " + s.failed() + " failed, "
                + s.warnings() + (s.warnings() == 1 ? " warning" : " warnings"));
        out.flush();
    }

    private static String verdict(RequestResult r) {
        if (r.mismatch() != null) {
            return "differs from " + r.expectedFile() + ": " + r.mismatch();
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

    private static void finding(RequestResult r, String kind, Violation v, PrintWriter out) {
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
        out.println(line);
    }
}

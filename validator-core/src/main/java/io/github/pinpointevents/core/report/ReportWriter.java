package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import java.util.List;

/**
 * A report written as the results arrive, so that a run over any number of requests holds one request's
 * result at a time: a 1 GB NDJSON file is reported in the memory of one request.
 */
public interface ReportWriter {

    /** Writes one request's result. */
    void add(RequestResult result);

    /** Writes what follows the last result (a summary, closing brackets) and flushes. */
    void finish();

    /** Writes the results, then finishes. */
    default void writeAll(List<RequestResult> results) {
        results.forEach(this::add);
        finish();
    }
}

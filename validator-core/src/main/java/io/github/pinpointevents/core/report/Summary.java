package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import java.util.List;

/** Counts over a run. */
public record Summary(int files, int requests, int passed, int failed, int warnings) {

    public static Summary of(List<RequestResult> results) {
        int passed = (int) results.stream().filter(RequestResult::passed).count();
        int warnings = results.stream().mapToInt(r -> r.decision().warnings().size()).sum();
        int files = (int) results.stream().map(RequestResult::source).distinct().count();
        return new Summary(files, results.size(), passed, results.size() - passed, warnings);
    }
}

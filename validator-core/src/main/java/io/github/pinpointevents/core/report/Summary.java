package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import java.util.HashSet;
import java.util.Set;

/** Counts over a run. */
public record Summary(int files, int requests, int passed, int failed, int warnings) {

    /** Counts results as they arrive; it keeps the names of the files, nothing of the requests. */
    /**
     * The build tools' failure message when more requests fail than allowed, or null: "3 fixture requests
     * fail (at most 1 allowed)".
     */
    public String failureMessage(int maxAllowedFailures) {
        if (failed <= maxAllowedFailures) {
            return null;
        }
        return failed + (failed == 1 ? " fixture request fails" : " fixture requests fail")
                + (maxAllowedFailures > 0 ? " (at most " + maxAllowedFailures + " allowed)" : "");
    }

    public static final class Tally {
        private final Set<String> files = new HashSet<>();
        private int requests;
        private int passed;
        private int warnings;

        public void add(RequestResult result) {
            files.add(result.source());
            requests++;
            passed += result.passed() ? 1 : 0;
            warnings += result.decision().warnings().size();
        }

        public boolean allPassed() {
            return passed == requests;
        }

        public Summary summary() {
            return new Summary(files.size(), requests, passed, requests - passed, warnings);
        }
    }
}

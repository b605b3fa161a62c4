package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every bundled sample: valid ones are accepted whole, invalid ones decide exactly as their expected file. */
class SamplesTest {

    private static final Path SAMPLES = TestPaths.repoRoot().resolve("samples");

    private final FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build()));

    @TestFactory
    Stream<DynamicTest> validSamplesAreAcceptedByTheServiceAndTheAwsCli() throws Exception {
        return FixtureValidator.collect(List.of(SAMPLES.resolve("valid"))).stream()
                .map(file -> DynamicTest.dynamicTest(SAMPLES.relativize(file).toString(), () -> {
                    for (RequestResult r : fixtures.validateFile(file)) {
                        assertTrue(r.decision().allAccepted(), r.name() + ": " + r.decision().errors());
                        assertEquals(List.of(), r.parameterFindings(), r.name());
                        assertTrue(r.passed(), r.name());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidSamplesDecideAsTheirExpectedFiles() throws Exception {
        return FixtureValidator.collect(List.of(SAMPLES.resolve("invalid"))).stream()
                .map(file -> DynamicTest.dynamicTest(SAMPLES.relativize(file).toString(), () -> {
                    for (RequestResult r : fixtures.validateFile(file)) {
                        assertNotNull(r.expectedFile(), r.name() + " needs an .expected.json sibling");
                        assertTrue(r.passed(), r.name() + ": " + r.mismatch());
                        assertTrue(!r.decision().allAccepted() || !r.parameterFindings().isEmpty(),
                                r.name() + " is not invalid");
                    }
                }));
    }

    @Test
    void thereAreEnoughSamplesOfEachKind() throws Exception {
        List<RequestResult> all = new ArrayList<>();
        for (Path file : FixtureValidator.collect(List.of(SAMPLES))) {
            all.addAll(fixtures.validateFile(file));
        }
        assertTrue(all.size() >= 12, "at least 12 sample requests, found " + all.size());
        assertTrue(all.stream().anyMatch(r -> r.decision().response() != null
                && r.decision().response().results().values().stream()
                        .mapToInt(i -> i.eventsItemResponse().size()).sum() == 100), "a 100-event batch");
    }
}

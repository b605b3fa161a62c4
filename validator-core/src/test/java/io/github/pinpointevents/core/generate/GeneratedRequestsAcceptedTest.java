package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Valid mode: every generated request is accepted whole by the service's decision (every item 202), passes the
 * AWS CLI's parameter validation, and is realistic ({@link RealismChecks}) — checked on every request.
 *
 * <p>10,000 requests (about 12 s on two idle cores, 45 s under load); {@code -Dgenerate.validCount=N}
 * changes the number.
 */
class GeneratedRequestsAcceptedTest {

    private static final PutEventsValidator VALIDATOR =
            PutEventsValidator.create(ValidatorConfig.builder().warnings(false).build());

    @Test
    void everyGeneratedRequestIsAcceptedSentAndRealistic() {
        long count = Long.getLong("generate.validCount", 10_000);
        // A wider mix than the defaults: several endpoints a request and every SDK well represented.
        GeneratorConfig config = GeneratorConfig.builder().seed(20_250_106).count(count)
                .endpointsPerRequest(2).build();
        assertAllAccepted(config);
    }

    @Test
    void defaultsAndFullBatchesAreAcceptedToo() {
        assertAllAccepted(GeneratorConfig.builder().seed(7).count(300).build());
        assertAllAccepted(GeneratorConfig.builder().seed(8).count(100).endpointsPerRequest(5).eventsPerRequest(100)
                .build());
        // A one-minute window squeezes long sessions; timestamps must still be ordered and inside it.
        assertAllAccepted(GeneratorConfig.builder().seed(9).count(100).eventsPerRequest(100)
                .start(java.time.Instant.parse("2025-03-01T10:00:00Z"))
                .end(java.time.Instant.parse("2025-03-01T10:01:00Z")).build());
    }

    private static void assertAllAccepted(GeneratorConfig config) {
        RequestGenerator generator = RequestGenerator.create(config);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, Integer> sdks = new ConcurrentHashMap<>();
        Map<String, Integer> types = new ConcurrentHashMap<>();
        AtomicLong events = new AtomicLong();
        LongStream.range(0, config.count()).parallel().forEach(i -> {
            GeneratedRequest r = generator.generate(i);
            events.addAndGet(r.eventCount());
            Decision d = VALIDATOR.decide(PythonJson.dumps(r.eventsRequest()));
            if (!d.allAccepted()) {
                failures.add("request " + i + " refused: " + d.toJson());
            }
            Decision wire = VALIDATOR.decide(r.body()); // as an SDK sends it
            if (!wire.allAccepted()) {
                failures.add("request " + i + " body refused: " + wire.toJson());
            }
            List<Finding> cli = VALIDATOR.checkParameters(r.cliInput(), InputSource.CLI_INPUT_JSON);
            if (!cli.isEmpty()) {
                failures.add("request " + i + " refused by the AWS CLI: " + cli.get(0).message());
            }
            RealismChecks.check(config, r.eventsRequest()).forEach(p -> failures.add("request " + i + ": " + p));
            if (!r.expected().allAccepted()) {
                failures.add("request " + i + ": a valid request expects a refusal");
            }
            r.eventsRequest().path("BatchItem").forEach(item -> {
                var first = item.path("Events").values().iterator().next();
                sdks.merge(first.path("SdkName").asString(first.has("Session") ? "amplify-js" : "server"), 1,
                        Integer::sum);
                item.path("Events").forEach(e -> types.merge(e.path("EventType").asString(), 1, Integer::sum));
            });
        });
        assertTrue(failures.isEmpty(), failures.size() + " problems, first: "
                + failures.stream().limit(10).toList());
        assertTrue(events.get() >= config.count(), "events " + events);
        if (config.count() >= 1000) {
            assertEquals(Set.of("amplify-android", "aws-sdk-android", "amplify-swift", "aws-sdk-iOS", "amplify-js",
                    "server"), sdks.keySet(), "every SDK appears");
            for (String type : List.of("_session.start", "_session.stop", "_session.pause", "_session.resume",
                    "_monetization.purchase", "_userauth.sign_in", "pageView", "screen_view")) {
                assertTrue(types.containsKey(type), type + " appears");
            }
        }
    }
}

package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaultsAreFixedAndDocumented() {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertEquals(1, d.seed());
        assertEquals(100, d.count());
        assertEquals(Instant.parse("2025-01-06T00:00:00Z"), d.start());
        assertEquals(Instant.parse("2025-01-13T00:00:00Z"), d.end());
        assertEquals(1, d.endpointsPerRequest(), "one endpoint a request, as the mobile SDKs send");
        assertEquals(0, d.eventsPerRequest());
        assertEquals(0.0, d.invalidRate());
        assertEquals(OutputFormat.NDJSON, d.format());
        assertEquals(0, d.shardIndex());
        assertEquals(1, d.shardCount());
        assertEquals(d, d.toBuilder().build());
    }

    @Test
    void badValuesAreRefusedWithAReason() {
        assertRefused("count", b -> b.count(-1));
        assertRefused("start must be before", b -> b.start(Instant.parse("2026-01-01T00:00:00Z")));
        assertRefused("endpoints per request", b -> b.endpointsPerRequest(101));
        assertRefused("events per request", b -> b.endpointsPerRequest(5).eventsPerRequest(4));
        assertRefused("events per request", b -> b.eventsPerRequest(101));
        assertRefused("invalid rate", b -> b.invalidRate(1.5));
        assertRefused("needs an output", b -> b.invalidRate(0.1));
        assertRefused("shard", b -> b.shard(3, 3));
        assertRefused("no mutation breaks rule 'event.nope'", b -> b.mutations(Set.of("event.nope")));
        assertRefused("needs an output directory", b -> b.format(OutputFormat.REQUESTS));
        assertRefused("SDK with a positive weight", b -> b.platformWeights(Map.of(Platform.ANDROID, 0.0,
                Platform.WEB, 0.0)).sdkWeights(Map.of(Sdk.AMPLIFY_SWIFT, 0.0, Sdk.AWS_SDK_IOS, 0.0)));
        assertRefused("weight", b -> b.platformWeights(Map.of(Platform.IOS, -1.0)));
    }

    @Test
    void malformedJsonIsOnlyMutatedWhereTheFormatCarriesRawBodies() {
        GeneratorConfig ndjson = GeneratorConfig.builder().invalidRate(1).output(Path.of("x.ndjson")).build();
        assertTrue(!RequestGenerator.create(ndjson).mutableRules().contains("request.malformed-json"));
        GeneratorConfig raw = ndjson.toBuilder().format(OutputFormat.REQUESTS).build();
        assertTrue(RequestGenerator.create(raw).mutableRules().contains("request.malformed-json"));
        assertThrows(IllegalArgumentException.class, () -> RequestGenerator.create(ndjson.toBuilder()
                .mutations(Set.of("request.malformed-json")).build()));
    }

    private static void assertRefused(String reason, java.util.function.UnaryOperator<GeneratorConfig.Builder> b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.apply(GeneratorConfig.builder()).build());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}

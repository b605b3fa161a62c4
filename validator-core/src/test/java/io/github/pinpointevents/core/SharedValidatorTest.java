package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One validator, shared by threads, answers exactly as it does alone, and the same way every time. */
class SharedValidatorTest {

    private final PutEventsValidator validator = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    @Test
    void eightThreadsGiveTheSingleThreadedAnswers() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CasesTest.CASES)) {
            for (Path c : cases.sorted().toList()) {
                bodies.add(Files.readAllBytes(c.resolve("request.json")));
            }
        }
        List<String> alone = bodies.stream().map(this::answer).toList();
        assertEquals(alone, bodies.stream().map(this::answer).toList(), "the same answers on a second pass");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                for (byte[] body : bodies) {
                    futures.add(pool.submit(() -> answer(body)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(alone.get(i % bodies.size()), futures.get(i).get());
            }
            assertTrue(futures.size() >= 800);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The decision with every finding's rule, pointer and position. */
    private String answer(byte[] body) {
        Decision d = validator.decide(body);
        StringBuilder b = new StringBuilder(Json.MAPPER.writeValueAsString(d.toJson()));
        Stream.concat(d.violations().stream(), d.warnings().stream()).forEach(v -> b.append('\n')
                .append(v.rule().id()).append(' ').append(v.pointer()).append(' ').append(v.line()).append(':')
                .append(v.column()));
        return b.toString();
    }
}

package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One validator, shared by 8 threads over 10,000 requests, answers exactly as it does alone: the same
 * decision, the same findings with the same pointers, lines and columns. The requests are the golden cases,
 * the samples and seeded mutations of them ({@link Mutations}), whole-request errors and per-item refusals
 * among them. The threads start at once and take requests from a shared queue, twice over.
 */
class SharedValidatorTest {

    private static final int REQUESTS = 10_000;
    private static final int THREADS = 8;

    private final PutEventsValidator validator = PutEventsValidator.create(
            ValidatorConfig.builder().clock(CasesTest.CLOCK).build());

    @Test
    void eightThreadsOverTenThousandRequestsGiveTheSingleThreadedAnswers() throws Exception {
        List<byte[]> bodies = bodies();
        assertEquals(REQUESTS, bodies.size());
        List<String> alone = bodies.stream().map(this::answer).toList();
        assertTrue(alone.stream().anyMatch(a -> a.contains("\"Error\"")) && alone.stream()
                .anyMatch(a -> a.contains("\"StatusCode\":400")) && alone.stream().anyMatch(a -> !a.contains("\n")),
                "whole-request errors, item refusals and clean acceptances are all among the requests");

        // Two passes over a shared queue: every request is decided twice, by whichever threads come, while the
        // others decide other requests with the same validator.
        String[][] answers = new String[2][REQUESTS];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int k = next.getAndIncrement(); k < 2 * REQUESTS; k = next.getAndIncrement()) {
                        answers[k / REQUESTS][k % REQUESTS] = answer(bodies.get(k % REQUESTS));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < REQUESTS; i++) {
                if (!alone.get(i).equals(answers[pass][i])) {
                    assertEquals(alone.get(i), answers[pass][i], "pass " + pass + ", request " + i);
                }
            }
        }
    }

    /** The golden cases and samples as they are, then mutations of them up to 10,000 requests. */
    private static List<byte[]> bodies() throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CasesTest.CASES)) {
            for (Path c : cases.sorted().toList()) {
                bodies.add(Files.readAllBytes(c.resolve("request.json")));
            }
        }
        Mutations.seeds().forEach(seed -> bodies.add(Json.MAPPER.writeValueAsBytes(seed)));
        bodies.add(new byte[0]);
        bodies.add("[]".getBytes(StandardCharsets.UTF_8));
        Random random = new Random(10_000);
        Mutations.Choices choices = Mutations.Choices.of(random);
        while (bodies.size() < REQUESTS) {
            bodies.add(Mutations.mutatedBytes(choices));
        }
        return bodies;
    }

    /** The decision with every finding's rule, pointer and position. */
    private String answer(byte[] body) {
        Decision d = validator.decide(body);
        StringBuilder b = new StringBuilder(Json.MAPPER.writeValueAsString(d.toJson()));
        Stream.concat(d.errors().stream(), d.warnings().stream()).forEach(v -> b.append('\n')
                .append(v.rule().id()).append(' ').append(v.pointer()).append(' ').append(v.line()).append(':')
                .append(v.column()).append(' ').append(v.detail()));
        return b.toString();
    }
}

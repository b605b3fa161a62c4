package io.github.pinpointevents.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** {@link Json#readStrict} gives MAPPER's tree, or MAPPER's exception with its message and location. */
class ReadStrictTest {

    @Test
    void sameTreeOrSameException() {
        List<String> documents = new ArrayList<>(List.of("{\"a\":1,\"a\":2}", "{\"x\":{\"b\":[1,{\"c\":1,\"c\":{}}]}}",
                "{\"a\":{},\"a\":[]}", "[{\"a\":1},{\"a\":1}]", "{\"a\":1,\"a\":", "{\"a\":[1,}", "", "  ", "null",
                "{\"a\":NaN}", "{\"BatchItem\":{\"e\":{\"Events\":{\"v\":{},\"v\":{}}}}}", "{\"a\":1}{", "{\"a\":1} x"));
        Random random = new Random(3);
        String alphabet = "{}[]:,\"a1 ";
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            documents.add(b.toString());
        }
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            assertEquals(outcome(() -> Json.MAPPER.readTree(bytes)), outcome(() -> Json.readStrict(bytes)), document);
        }
    }

    private static String outcome(java.util.function.Supplier<Object> read) {
        try {
            return "tree " + read.get();
        } catch (JacksonException e) {
            return e.getClass().getName() + " " + e.getMessage();
        }
    }
}

package io.github.pinpointevents.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

/** {@link Timestamps#parse}'s shortcut for plain UTC date-times gives what the RFC 3339 parser gives. */
class TimestampsTest {

    @Test
    void plainUtcDateTimesParseAsTheParserParsesThem() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61),
                    random.nextInt(62)));
            int fraction = random.nextInt(12);
            if (fraction > 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            text.append(random.nextInt(8) == 0 ? "+01:00" : "Z");
            assertEquals(parser(text.toString()), Timestamps.parse(StringNode.valueOf(text.toString())),
                    text.toString());
        }
    }

    @Test
    void edgesOfThePlainForm() {
        for (String text : new String[] {"2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "2024-12-31T23:59:60Z",
            "0000-01-01T00:00:00Z", "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00.000000001Z",
            "2024-01-01T00:00:00.1234567891Z", "2024-01-01t00:00:00z", "2024-01-01T00:00:00"}) {
            assertEquals(parser(text), Timestamps.parse(StringNode.valueOf(text)), text);
        }
        assertNull(Timestamps.parse(null));
    }

    private static OffsetDateTime parser(String text) {
        try {
            return ITU.parseDateTime(text);
        } catch (DateTimeException e) {
            return null;
        }
    }
}

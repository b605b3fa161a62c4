package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.result.Decision;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers too large for their member, written as the JSON text a client sends (1e19 is a double to Jackson,
 * 12345678901234567890123 a BigInteger): every member that holds a number, and every number position where
 * a string belongs. Session.Duration is a Java int in the service, so any number outside the 32-bit range
 * fails deserialization of the body (request.type-mismatch); metrics are doubles and hold any finite number.
 */
class OutOfRangeNumbersTest {

    private static final PutEventsValidator VALIDATOR = PutEventsValidator.create(
            ValidatorConfig.builder().warnings(false).clock(CasesTest.CLOCK).build());

    private static final String TYPE_MISMATCH =
            "Request body could not be deserialized: a member has the wrong JSON type";

    private static final String EVENT = "/BatchItem/ep/Events/e0";

    /** One endpoint with one event; DURATION, TIMESTAMP, ATTRIBUTE, EVENT_METRIC and ENDPOINT_METRIC are replaced. */
    private static final String BODY = "{\"BatchItem\":{\"ep\":{\"Endpoint\":{\"Metrics\":{\"m\":ENDPOINT_METRIC}},"
            + "\"Events\":{\"e0\":{\"EventType\":\"play\",\"Timestamp\":TIMESTAMP,\"Attributes\":{\"a\":ATTRIBUTE},"
            + "\"Metrics\":{\"m\":EVENT_METRIC},\"Session\":{\"Id\":\"s\",\"StartTimestamp\":\"2025-06-01T12:00:00Z\","
            + "\"Duration\":DURATION}}}}}}";

    private static Decision decide(String placeholder, String number) {
        String body = BODY.replace(placeholder, number).replace("DURATION", "5")
                .replace("TIMESTAMP", "\"2025-06-01T12:00:00Z\"").replace("ENDPOINT_METRIC", "1")
                .replace("ATTRIBUTE", "\"b\"").replace("EVENT_METRIC", "1");
        return VALIDATOR.decide(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertTypeMismatch(Decision d, String pointer) {
        assertEquals(List.of("request.type-mismatch " + pointer),
                d.errors().stream().map(f -> f.rule().id() + " " + f.pointer()).toList());
        assertNull(d.response());
        assertEquals(400, d.error().httpStatus());
        assertEquals("BadRequestException", d.error().errorType());
        assertEquals(TYPE_MISMATCH, d.error().message());
    }

    /** Doubles beyond a long's range once made networknt's minimum and maximum throw ("internal error"). */
    @ParameterizedTest
    @ValueSource(strings = {"1e19", "1E19", "1.0e19", "-1e19", "9.3e18", "-9.3e18", "1e308", "-1e308",
        "1.7976931348623157e308", "12345678901234567890123", "-12345678901234567890123", "9223372036854775808",
        "-9223372036854775809", "1.5e10", "-1.5e10", "2147483648", "-2147483649", "1e400", "-1e400"})
    void durationOutsideTheIntRangeIsATypeMismatch(String number) {
        assertTypeMismatch(decide("DURATION", number), EVENT + "/Session/Duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-2147483648", "-1e9", "-2.147483648e9"})
    void durationNegativeWithinTheIntRangeRefusesTheEventAlone(String number) {
        Decision d = decide("DURATION", number);
        assertEquals(List.of("event.session-duration-negative " + EVENT + "/Session/Duration"),
                d.errors().stream().map(f -> f.rule().id() + " " + f.pointer()).toList());
        assertEquals("Session duration cannot be negative",
                d.response().results().get("ep").eventsItemResponse().get("e0").message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "2.147483647e9", "0", "0e5"})
    void durationAtTheIntRangeIsAccepted(String number) {
        assertTrue(decide("DURATION", number).allAccepted(), number);
    }

    /** Metrics are doubles: any finite number is accepted; only one that no double holds is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"1e19", "-1e19", "1e308", "-1.7976931348623157e308", "12345678901234567890123",
        "-12345678901234567890123", "1.5e10", "1e-400"})
    void metricsHoldAnyFiniteNumber(String number) {
        assertTrue(decide("EVENT_METRIC", number).allAccepted(), number);
        assertTrue(decide("ENDPOINT_METRIC", number).allAccepted(), number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e309", "-1.8e308"})
    void metricsBeyondADoubleAreATypeMismatch(String number) {
        assertTypeMismatch(decide("EVENT_METRIC", number), EVENT + "/Metrics/m");
        assertTypeMismatch(decide("ENDPOINT_METRIC", number), "/BatchItem/ep/Endpoint/Metrics/m");
    }

    /** Where a string belongs, any number is a type mismatch, however large. */
    @ParameterizedTest
    @ValueSource(strings = {"1e19", "-1e19", "1e308", "1e400", "12345678901234567890123", "1.5e10", "2147483648"})
    void numbersWhereAStringBelongsAreATypeMismatch(String number) {
        assertTypeMismatch(decide("TIMESTAMP", number), EVENT + "/Timestamp");
        assertTypeMismatch(decide("ATTRIBUTE", number), EVENT + "/Attributes/a");
    }
}

package io.github.pinpointevents.core.internal;

import com.ethlo.time.ITU;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/** RFC 3339 date-times, parsed as the schema's date-time format checks them. */
public final class Timestamps {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private Timestamps() {
    }

    /** The date-time, or null when the node is absent, not a string, or not an RFC 3339 date-time. */
    public static OffsetDateTime parse(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String text = node.stringValue();
        if (isPlainUtc(text) && text.length() <= 30) {
            // What every SDK sends, with at most nine digits of fraction: no parser needed.
            int fractionDigits = text.length() - 21; // after "yyyy-MM-ddTHH:mm:ss." and before "Z"; -1 for none
            int nanos = fractionDigits < 0 ? 0 : digits(text, 20, fractionDigits) * POWERS_OF_TEN[9 - fractionDigits];
            return OffsetDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                    digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), nanos, ZoneOffset.UTC);
        }
        try {
            return ITU.parseDateTime(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * True for the form every SDK sends, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, with fields in range: a
     * valid RFC 3339 date-time, recognised without a parser (leap seconds and offsets go the slow way).
     */
    public static boolean isPlainUtc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0
                || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        if (n == 20) {
            return true;
        }
        if (s.charAt(19) != '.' || n == 21) {
            return false;
        }
        return digits(s, 20, n - 21) >= 0;
    }

    /** The non-negative value of {@code count} ASCII digits, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = count > 9 ? 0 : value * 10 + (c - '0');
        }
        return value;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    public static boolean isZulu(String text) {
        return text.endsWith("Z") || text.endsWith("z");
    }

    /** Stop minus start in whole milliseconds, as the service compares it with Session.Duration. */
    public static long millisBetween(OffsetDateTime start, OffsetDateTime stop) {
        return Duration.between(start, stop).toMillis();
    }
}

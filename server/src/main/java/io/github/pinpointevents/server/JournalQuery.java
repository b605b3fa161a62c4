package io.github.pinpointevents.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.util.Fields;

/**
 * A filter over the {@link Journal}, from the query parameters of {@code GET /_pinpoint-events/events}
 * (docs/dashboard.md lists them). Null members match everything.
 *
 * @param status an HTTP or item status code, or -1 for every refused entry (anything but 202), 0 for any
 * @param sinceMillis entries received at or after this instant (epoch milliseconds), or Long.MIN_VALUE
 * @param after entries with a sequence number above this
 */
record JournalQuery(String applicationId, String endpointId, String eventType, String sessionId, int status,
        long sinceMillis, long after, int limit, boolean latest) {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    static final JournalQuery ALL = new JournalQuery(null, null, null, null, 0, Long.MIN_VALUE, 0, MAX_LIMIT, false);

    boolean matches(JournalEntry e) {
        return e.sequence() > after
                && e.receivedMillis() >= sinceMillis
                && (applicationId == null || applicationId.equals(e.applicationId()))
                && (endpointId == null || endpointId.equals(e.endpointId()))
                && (eventType == null || eventType.equals(e.eventType()))
                && (sessionId == null || sessionId.equals(e.sessionId()))
                && (status == 0 || (status == -1 ? e.status() != 202 : status == e.status()));
    }

    /**
     * Parses the parameters.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad parameter
     */
    static JournalQuery parse(Fields query) {
        String status = value(query, "status");
        int code;
        if (status == null || status.equals("any")) {
            code = 0;
        } else if (status.equals("refused")) {
            code = -1;
        } else if (status.equals("accepted")) {
            code = 202;
        } else {
            code = (int) number(status, "status", 100, 599);
        }
        String since = value(query, "since");
        long sinceMillis = Long.MIN_VALUE;
        if (since != null) {
            try {
                sinceMillis = since.chars().allMatch(Character::isDigit) ? Long.parseLong(since)
                        : Instant.parse(since).toEpochMilli();
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("since must be an ISO 8601 instant such as"
                        + " 2026-12-07T06:00:00Z, or epoch milliseconds");
            }
        }
        String after = value(query, "after");
        String limit = value(query, "limit");
        String latest = value(query, "latest");
        if (latest != null && !latest.equals("true") && !latest.equals("false")) {
            throw new IllegalArgumentException("latest must be true or false");
        }
        return new JournalQuery(value(query, "applicationId"), value(query, "endpointId"), value(query, "eventType"),
                value(query, "sessionId"), code, sinceMillis,
                after == null ? 0 : number(after, "after", 0, Long.MAX_VALUE),
                limit == null ? DEFAULT_LIMIT : (int) number(limit, "limit", 0, MAX_LIMIT), "true".equals(latest));
    }

    static String value(Fields query, String name) {
        String v = query.getValue(name);
        return v == null || v.isEmpty() ? null : v;
    }

    static long number(String text, String name, long min, long max) {
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        String range = max == Long.MAX_VALUE ? " or more" : " to " + max;
        throw new IllegalArgumentException(name + " must be a whole number from " + min + range + ", not '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}

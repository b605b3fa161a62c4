package io.github.pinpointevents.server;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.eclipse.jetty.util.Fields;

/**
 * A filter over the {@link Journal}, from the query parameters of {@code GET /_pinpoint-events/events}
 * (docs/dashboard.md lists them). Null members match everything.
 *
 * @param kinds the entry kinds selected ({@code event}, {@code request}, {@code endpoint}); by default the first two,
 *        the PutEvents journal, so that UpdateEndpoint and GetEndpoint calls are only counted when asked for
 * @param status an HTTP or item status code, or -1 for every refused entry (4xx or 5xx), -2 for every accepted
 *        one (2xx), 0 for any
 * @param sinceMillis entries received at or after this instant (epoch milliseconds), or Long.MIN_VALUE
 * @param after entries with a sequence number above this
 */
record JournalQuery(Set<String> kinds, String applicationId, String endpointId, String eventType, String sessionId,
        int status, long sinceMillis, long after, int limit, boolean latest) {

    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    static final Set<String> KINDS = Set.of("event", "request", EndpointCalls.KIND);
    static final Set<String> DEFAULT_KINDS = Set.of("event", "request");

    /** Every entry of every kind. */
    static final JournalQuery ALL = new JournalQuery(KINDS, null, null, null, null, 0, Long.MIN_VALUE, 0, MAX_LIMIT,
            false);

    boolean matches(JournalEntry e) {
        return e.sequence() > after
                && kinds.contains(e.kind())
                && e.receivedMillis() >= sinceMillis
                && (applicationId == null || applicationId.equals(e.applicationId()))
                && (endpointId == null || endpointId.equals(e.endpointId()))
                && (eventType == null || eventType.equals(e.eventType()))
                && (sessionId == null || sessionId.equals(e.sessionId()))
                && (status == 0 || (status == -1 ? e.status() >= 400
                        : status == -2 ? e.status() < 300 : status == e.status()));
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
            code = -2;
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
        String kind = value(query, "kind");
        Set<String> kinds;
        if (kind == null) {
            kinds = DEFAULT_KINDS;
        } else if (kind.equals("all")) {
            kinds = KINDS;
        } else {
            kinds = Set.copyOf(java.util.Arrays.asList(kind.split(",", -1)));
            if (!KINDS.containsAll(kinds)) {
                throw new IllegalArgumentException("kind must be all, or event, request and endpoint separated by"
                        + " commas, not '" + (kind.length() > 40 ? kind.substring(0, 40) + "..." : kind) + "'");
            }
        }
        return new JournalQuery(kinds, value(query, "applicationId"), value(query, "endpointId"), value(query, "eventType"),
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

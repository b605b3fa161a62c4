package io.github.pinpointevents.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * One journal entry: an event of a PutEvents request with its verdict, a whole request the service refuses
 * (400, 413), or an UpdateEndpoint or GetEndpoint call with its answer. {@link #json()} is the compact JSON object the query API and the stream send (see
 * docs/dashboard.md); the other fields are copies of its members the queries filter on.
 *
 * <p>The JSON is written when it is first read, not when the request is answered: most entries of a load test
 * are never read, and writing each one cost serve a quarter of its time per request (JFR, bench/serve-vs-nginx.sh).
 * {@link #weight()} is what the entry is counted as against the journal's byte budget: its JSON's length once
 * written, an estimate from the event's bytes before.
 */
final class JournalEntry {

    private final long sequence;
    private final long receivedMillis;
    private final String kind;
    private final String applicationId;
    private final String endpointId;
    private final String eventType;
    private final String sessionId;
    private final int status;
    private final long weight;
    /** The draft's members until the JSON is written, then null: a read entry holds one copy, as weighed. */
    private Supplier<byte[]> members;
    private byte[] json;

    JournalEntry(long sequence, long receivedMillis, Verdicts.Draft draft) {
        this.sequence = sequence;
        this.receivedMillis = receivedMillis;
        this.kind = draft.kind();
        this.applicationId = draft.applicationId();
        this.endpointId = draft.endpointId();
        this.eventType = draft.eventType();
        this.sessionId = draft.sessionId();
        this.status = draft.status();
        this.weight = draft.weight();
        this.members = draft.members();
    }

    long sequence() {
        return sequence;
    }

    long receivedMillis() {
        return receivedMillis;
    }

    /** {@code event}, {@code request} or {@code endpoint} (the entry's Kind member). */
    String kind() {
        return kind;
    }

    String applicationId() {
        return applicationId;
    }

    String endpointId() {
        return endpointId;
    }

    String eventType() {
        return eventType;
    }

    String sessionId() {
        return sessionId;
    }

    /** The event's StatusCode (202, 400), or the HTTP status of a whole-request error or an endpoint call. */
    int status() {
        return status;
    }

    long weight() {
        return weight;
    }

    /** {@code {"Sequence":N,"Received":"...",MEMBERS}}, written on the first call. */
    synchronized byte[] json() {
        if (json == null) {
            json = json(sequence, Instant.ofEpochMilli(receivedMillis).toString(), members);
            members = null;
        }
        return json;
    }

    private static byte[] json(long sequence, String received, Supplier<byte[]> draftMembers) {
        byte[] members = draftMembers.get();
        byte[] head = ("{\"Sequence\":" + sequence + ",\"Received\":\"" + received + "\",")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + members.length + 1);
        System.arraycopy(members, 0, out, head.length, members.length);
        out[out.length - 1] = '}';
        return out;
    }
}

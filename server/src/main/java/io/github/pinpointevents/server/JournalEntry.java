package io.github.pinpointevents.server;

/**
 * One journal entry: an event of a PutEvents request with its verdict, a whole request the service refuses
 * (400, 413), or an UpdateEndpoint or GetEndpoint call with its answer. {@code json} is the compact JSON object the query API and the stream send (see docs/dashboard.md);
 * the other fields are copies of its members the queries filter on.
 *
 * @param kind {@code event}, {@code request} or {@code endpoint} (the entry's Kind member)
 * @param status the event's StatusCode (202, 400), or the request's HTTP status for a whole-request error or
 *        an endpoint call
 */
record JournalEntry(long sequence, long receivedMillis, String kind, String applicationId, String endpointId, String eventType,
        String sessionId, int status, byte[] json) {
}

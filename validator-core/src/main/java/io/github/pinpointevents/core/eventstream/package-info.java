/**
 * Amazon Pinpoint's event-stream records: what the service streamed to Kinesis Data Streams or Firehose for each
 * event it accepted, one JSON object per event (the shape of {@code schemas/event-stream-record.schema.json},
 * from the "App event example" of
 * https://docs.aws.amazon.com/pinpoint/latest/developerguide/event-streams-data-app.html).
 *
 * <pre>
 * PutEvents request + Decision ──► EventStreamRecords.records(...) ──► one record per 202 event
 *                       │
 *                       ├──► EventStreamWriter (serve --event-stream FILE: appended NDJSON, real arrival time)
 *                       └──► generate --format event-stream (arrival time drawn from the seed)
 * records a producer wrote ──► EventStreamValidator ──► RequestResult (the validate reports)
 * </pre>
 *
 * <p>The mapping member by member, and what is documented, inferred or unknown, is in {@code docs/event-stream.md}.
 */
package io.github.pinpointevents.core.eventstream;

package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.eventstream.EventStreamRecords;
import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The routes (see docs/serve.md, What it answers): PutEvents, UpdateEndpoint, GetEndpoint, every other
 * {@code /v1/apps} operation answered 405 naming it, and the recording API under {@code /_pinpoint-events/}.
 * Bodies are read without holding a thread ({@link BodyReader}) within the {@link BodyBudget}.
 */
final class PinpointHandler extends Handler.Abstract {

    static final String NOT_FOUND_MESSAGE = "Resource not found";

    private static final Pattern EVENTS = Pattern.compile("/v1/apps/([^/]+)/events");
    private static final Pattern ENDPOINT = Pattern.compile("/v1/apps/([^/]+)/endpoints/([^/]+)");
    /** Other operations of the service model's /v1/apps tree, by method and path, for the 405 message. */
    private static final List<Map.Entry<Pattern, String>> OTHER_OPERATIONS = List.of(
            Map.entry(Pattern.compile("DELETE /v1/apps/[^/]+/endpoints/[^/]+"), "DeleteEndpoint"),
            Map.entry(Pattern.compile("PUT /v1/apps/[^/]+/endpoints"), "UpdateEndpointsBatch"),
            Map.entry(Pattern.compile("GET /v1/apps/[^/]+/users/[^/]+"), "GetUserEndpoints"),
            Map.entry(Pattern.compile("DELETE /v1/apps/[^/]+/users/[^/]+"), "DeleteUserEndpoints"),
            Map.entry(Pattern.compile("POST /v1/apps/[^/]+/messages"), "SendMessages"),
            Map.entry(Pattern.compile("POST /v1/apps/[^/]+/users-messages"), "SendUsersMessages"),
            Map.entry(Pattern.compile("GET /v1/apps/[^/]+"), "GetApp"),
            Map.entry(Pattern.compile("DELETE /v1/apps/[^/]+"), "DeleteApp"),
            Map.entry(Pattern.compile("GET /v1/apps"), "GetApps"),
            Map.entry(Pattern.compile("POST /v1/apps"), "CreateApp"));

    private final PutEventsValidator validator;
    private final Recorder recorder;
    private final Journal journal;
    private final JournalApi journalApi;
    private final EndpointRegistry endpoints;
    private final BodyBudget budget;
    private final Set<String> applicationIds;
    private final int maxBodyBytes;

    PinpointHandler(PutEventsValidator validator, Recorder recorder, Journal journal, EndpointRegistry endpoints,
            BodyBudget budget, Set<String> applicationIds, int maxBodyBytes, long idleTimeoutMillis) {
        super(InvocationType.NON_BLOCKING);
        this.validator = validator;
        this.recorder = recorder;
        this.journal = journal;
        this.journalApi = new JournalApi(journal, recorder, idleTimeoutMillis);
        this.endpoints = endpoints;
        this.budget = budget;
        this.applicationIds = applicationIds;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String id = UUID.randomUUID().toString();
        response.getHeaders().put(Answers.REQUEST_ID, id);
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        Matcher events = EVENTS.matcher(path);
        Matcher endpoint = ENDPOINT.matcher(path);
        if (events.matches()) {
            if (!method.equals("POST")) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                Answers.error(response, callback, id, 405, "MethodNotAllowedException",
                        "Method " + method + " is not allowed on /v1/apps/{application-id}/events; use POST");
            } else if (knownApplication(events.group(1), response, callback, id)) {
                String app = decode(events.group(1));
                withBody(request, response, callback, id, app, (body, done) -> putEvents(app, body, request,
                        response, done, id));
            }
        } else if (endpoint.matches() && (method.equals("PUT") || method.equals("GET"))) {
            if (knownApplication(endpoint.group(1), response, callback, id)) {
                String app = decode(endpoint.group(1));
                String endpointId = decode(endpoint.group(2));
                if (method.equals("GET")) {
                    getEndpoint(app, endpointId, response, callback, id);
                } else {
                    withBody(request, response, callback, id, null, (body, done) -> updateEndpoint(app, endpointId,
                            body, response, done, id));
                }
            }
        } else if (path.equals("/v1/apps") || path.startsWith("/v1/apps/")) {
            Answers.error(response, callback, id, 405, "MethodNotAllowedException", "pinpoint-events serve does"
                    + " not implement " + operation(method, path) + "; it answers PutEvents, UpdateEndpoint and"
                    + " GetEndpoint");
        } else if (path.equals(PinpointEventsServer.RECORDED_EVENTS_PATH)) {
            recordedEvents(request, method, response, callback, id);
        } else if (path.equals(JournalApi.EVENTS_PATH)) {
            journalApi.events(request, method, response, callback, id);
        } else if (path.equals(JournalApi.STREAM_PATH)) {
            journalApi.stream(request, method, response, callback, id);
        } else if (path.equals(JournalApi.CLEAR_PATH)) {
            journalApi.clearPath(method, response, callback, id);
        } else if (path.equals("/") || path.equals("/index.html")) {
            journalApi.page(method, response, callback, id);
        } else {
            Answers.error(response, callback, id, 404, "NotFoundException", NOT_FOUND_MESSAGE);
        }
        return true;
    }

    private boolean knownApplication(String raw, Response response, Callback callback, String id) {
        String app = decode(raw);
        if (app == null || (!applicationIds.isEmpty() && !applicationIds.contains(app))) {
            Answers.error(response, callback, id, 404, "NotFoundException", NOT_FOUND_MESSAGE);
            return false;
        }
        return true;
    }

    /**
     * Reads the body within the budget, then calls {@code then} with it and the callback to answer with, which
     * gives the reservation back (answering with the request's own callback kept it for good, and once the
     * bodies answered added up to the budget, serve stopped reading any). A declared length over the limit is
     * answered 413 before anything is read when the client waits on Expect: 100-continue (it then never sends
     * the body) or when the body is too large to drain; any other client is sending it already, and would see
     * a broken pipe instead of the 413 if the connection closed under it, so it is read and thrown away first.
     * A 413 of PutEvents ({@code journalApp} not null) goes to the journal.
     */
    private void withBody(Request request, Response response, Callback callback, String id, String journalApp,
            BiConsumer<byte[], Callback> then) {
        long declared = request.getLength();
        boolean waitsToSend = request.getHeaders().contains(HttpHeader.EXPECT, "100-continue");
        if (declared > maxBodyBytes && (waitsToSend || declared > maxBodyBytes + BodyReader.DRAIN_LIMIT)) {
            tooLarge(response, callback, id, journalApp);
            return;
        }
        long reserved = declared >= 0 ? Math.min(declared, maxBodyBytes + 1L) : maxBodyBytes + 1L;
        Callback releasing = Callback.from(callback, () -> budget.release(reserved));
        budget.reserve(reserved, new BodyReader(request, maxBodyBytes, declared, body -> {
            try {
                if (body.timedOut()) {
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    Answers.error(response, releasing, id, 408, "RequestTimeoutException",
                            "Request timed out (limit: --idle-timeout)");
                } else if (body.failure() != null) {
                    releasing.failed(body.failure());   // the client went away: no one to answer
                } else if (body.bytes().length > maxBodyBytes) {
                    if (!body.complete()) {
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    }
                    tooLarge(response, releasing, id, journalApp);
                } else {
                    then.accept(body.bytes(), releasing);
                }
            } catch (RuntimeException e) {
                releasing.failed(e);
            }
        })::run);
    }

    private void tooLarge(Response response, Callback callback, String id, String journalApp) {
        // The engine's own answer for a body one byte over the limit.
        Decision decision = validator.decideBySize(maxBodyBytes + 1L).orElseThrow();
        var error = decision.error();
        if (journalApp != null) {
            journal.add(List.of(Verdicts.request(journalApp, id, null, null, error.httpStatus(), error.message(),
                    decision.errors(), decision.warnings())));
        }
        Answers.error(response, callback, id, error.httpStatus(), error.errorType(), error.message());
    }

    private void putEvents(String app, byte[] body, Request request, Response response, Callback callback,
            String id) {
        // One parse: the journal, the record and the event-stream records read the tree the decision was made on.
        DecidedRequest decided = validator.decideRequest(body);
        Decision decision = decided.decision();
        List<Verdicts.Draft> drafts = Verdicts.of(app, id, body, decided);
        journal.add(drafts);
        if (decision.error() != null) {
            Answers.error(response, callback, id, decision.error().httpStatus(), decision.error().errorType(),
                    decision.error().message());
            return;
        }
        try {
            List<byte[]> accepted = new ArrayList<>(drafts.size());
            byte[] quotedApp = RecordedEvent.quoted(app);
            String endpointId = null;
            byte[] quotedEndpoint = null;
            for (Verdicts.Draft d : drafts) {
                if (d.acceptedEvent()) {
                    if (!d.endpointId().equals(endpointId)) { // drafts come endpoint by endpoint
                        endpointId = d.endpointId();
                        quotedEndpoint = RecordedEvent.quoted(endpointId);
                    }
                    accepted.add(RecordedEvent.line(quotedApp, quotedEndpoint, d.eventId(), d.event()));
                }
            }
            recorder.record(accepted, recorder.keepsEventStream() && !accepted.isEmpty()
                    ? EventStreamRecords.records(app, decided.request(), decision.response(),
                            Request.getTimeStamp(request))
                    : List.of());
        } catch (IOException e) {
            // A 202 would tell the caller its events were kept when they were not.
            Answers.error(response, callback, id, 500, "InternalServerErrorException",
                    "pinpoint-events could not record the accepted events: " + e.getMessage());
            return;
        }
        Answers.bytes(response, callback, 202, decision.response().toJsonBytes());
    }

    private void updateEndpoint(String app, String endpointId, byte[] body, Response response, Callback callback,
            String id) {
        JsonNode request;
        try {
            request = JsonCodec.read(body);
        } catch (JacksonException e) {
            request = null;
        }
        String problem = EndpointRequestCheck.problem(request);
        if (problem != null) {
            journal.add(List.of(EndpointCalls.update(app, endpointId, id, body, 400, problem)));
            Answers.error(response, callback, id, 400, "BadRequestException", problem);
            return;
        }
        endpoints.update(app, endpointId, request, id);
        journal.add(List.of(EndpointCalls.update(app, endpointId, id, body, 202, "Accepted")));
        ObjectNode answer = JsonCodec.object();
        answer.putObject("MessageBody").put("Message", "Accepted").put("RequestID", id);
        Answers.json(response, callback, 202, answer);
    }

    private void getEndpoint(String app, String endpointId, Response response, Callback callback, String id) {
        ObjectNode found = endpoints.get(app, endpointId).orElse(null);
        journal.add(List.of(EndpointCalls.get(app, endpointId, id, found)));
        if (found != null) {
            Answers.json(response, callback, 200, found);
        } else {
            Answers.error(response, callback, id, 404, "NotFoundException", NOT_FOUND_MESSAGE);
        }
    }

    /**
     * GET: {@code {"RecordedEvents": [...], "LastSequence": N, "Dropped": N}}, the ring's events after
     * {@code ?after=SEQ} (default 0), at most {@code ?limit=N} (default and most 10,000). DELETE: forget them.
     */
    private void recordedEvents(Request request, String method, Response response, Callback callback, String id) {
        switch (method) {
            case "GET" -> {
                Fields query = Request.extractQueryParameters(request);
                long after;
                int limit;
                try {
                    after = Long.parseLong(query.getValue("after") == null ? "0" : query.getValue("after"));
                    limit = Integer.parseInt(query.getValue("limit") == null ? "10000" : query.getValue("limit"));
                } catch (NumberFormatException e) {
                    Answers.error(response, callback, id, 400, "BadRequestException",
                            "after and limit must be whole numbers");
                    return;
                }
                List<Recorder.Entry> entries = recorder.entries(after, Math.max(0, Math.min(limit, 10_000)));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes("{\"RecordedEvents\":[".getBytes(StandardCharsets.UTF_8));
                long last = after;
                for (int i = 0; i < entries.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.writeBytes(entries.get(i).json());
                    last = entries.get(i).sequence();
                }
                out.writeBytes(("],\"LastSequence\":" + last + ",\"Dropped\":" + recorder.dropped() + "}")
                        .getBytes(StandardCharsets.UTF_8));
                Answers.bytes(response, callback, 200, out.toByteArray());
            }
            case "DELETE" -> {
                ObjectNode answer = JsonCodec.object();
                answer.put("Cleared", recorder.clear());
                Answers.json(response, callback, 200, answer);
            }
            default -> {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, DELETE");
                Answers.error(response, callback, id, 405, "MethodNotAllowedException", "Method " + method
                        + " is not allowed on " + PinpointEventsServer.RECORDED_EVENTS_PATH + "; use GET or DELETE");
            }
        }
    }

    private static String operation(String method, String path) {
        String call = method + " " + path;
        for (Map.Entry<Pattern, String> op : OTHER_OPERATIONS) {
            if (op.getKey().matcher(call).matches()) {
                return op.getValue() + " (" + call + ")";
            }
        }
        return "the operation " + call;
    }

    /** The decoded path segment (%XX escapes, UTF-8; '+' is a plus sign in a path), or null when malformed. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

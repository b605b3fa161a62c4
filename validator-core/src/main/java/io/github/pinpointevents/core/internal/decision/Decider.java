package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Utf8;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.ShapeModel;
import io.github.pinpointevents.core.internal.LocationIndex;

import io.github.pinpointevents.core.result.DecidedRequest;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.EventsResponse;
import io.github.pinpointevents.core.result.ItemResponse;
import io.github.pinpointevents.core.result.ItemStatus;
import io.github.pinpointevents.core.result.ServiceError;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.EndpointCheck;
import io.github.pinpointevents.core.rules.EndpointView;
import io.github.pinpointevents.core.rules.EventCheck;
import io.github.pinpointevents.core.rules.EventView;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.RequestCheck;
import io.github.pinpointevents.core.rules.RequestView;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Severity;
import io.github.pinpointevents.core.rules.request.DuplicateMemberRule;
import io.github.pinpointevents.core.rules.request.MalformedJsonRule;
import io.github.pinpointevents.core.rules.request.NotAnObjectRule;
import io.github.pinpointevents.core.rules.request.NotUtf8Rule;
import io.github.pinpointevents.core.rules.request.PayloadTooLargeRule;
import io.github.pinpointevents.core.rules.request.TooManyContainersRule;
import io.github.pinpointevents.core.rules.request.TooManyEventsRule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * The service's decision procedure: transport, whole-request checks, then each endpoint and event, and the
 * warnings that never change a decision (docs/rules.md, "How a request is decided"). Immutable and safe to share
 * between threads.
 */
public final class Decider {

    /** Whether warning rules run at all; errors always do. */
    private final boolean warnings;
    /** The "now" of the timestamp rules. */
    private final Clock clock;
    private final RuleCatalogue catalogue;
    /** networknt, loaded on the first body that breaks the schema: most runs never need it. */
    private final Supplier<SchemaEngine> schema;
    private final FastSchema fastSchema = new FastSchema();
    private final PayloadTooLargeRule tooLarge;
    private final NotUtf8Rule notUtf8;
    private final MalformedJsonRule malformed;
    private final DuplicateMemberRule duplicate;
    private final NotAnObjectRule notAnObject;
    private final TooManyContainersRule tooManyContainers;
    private final TooManyEventsRule tooManyEvents;
    private final List<RequestCheck> requestChecks;
    /** The request checks that can refuse: warnings never do, so the probe skips them. */
    private final List<RequestCheck> refusingRequestChecks;
    private final List<EndpointCheck> endpointChecks;
    private final List<EventCheck> eventChecks;

    public Decider(boolean warnings, Clock clock, RuleCatalogue catalogue,
            Supplier<SchemaEngine> schema) {
        this.warnings = warnings;
        this.clock = clock;
        this.catalogue = catalogue;
        this.schema = schema;
        this.tooLarge = catalogue.rule(PayloadTooLargeRule.class);
        this.notUtf8 = catalogue.rule(NotUtf8Rule.class);
        this.malformed = catalogue.rule(MalformedJsonRule.class);
        this.duplicate = catalogue.rule(DuplicateMemberRule.class);
        this.notAnObject = catalogue.rule(NotAnObjectRule.class);
        this.tooManyContainers = catalogue.rule(TooManyContainersRule.class);
        this.tooManyEvents = catalogue.rule(TooManyEventsRule.class);
        this.requestChecks = active(catalogue.rulesOf(RequestCheck.class));
        this.refusingRequestChecks = requestChecks.stream()
                .filter(c -> ((Rule) c).severity() == Severity.ERROR).toList();
        this.endpointChecks = active(catalogue.rulesOf(EndpointCheck.class));
        this.eventChecks = active(catalogue.rulesOf(EventCheck.class));
    }

    private <T> List<T> active(List<T> checks) {
        return checks.stream().filter(c -> warnings || ((Rule) c).severity() == Severity.ERROR).toList();
    }

    /** The 413 of a body over the limit, decided by its size alone; empty within the limit. */
    public Optional<Decision> decideBySize(long bodyBytes) {
        return tooLarge.violatedBy(bodyBytes) ? Optional.of(refused(tooLarge, tooLarge.message(), bodyBytes + " bytes"))
                : Optional.empty();
    }

    public Decision decide(byte[] body) {
        return decideRequest(body).decision();
    }

    /** The decision and, when the body parsed as a JSON object, that object. */
    public DecidedRequest decideRequest(byte[] body) {
        Decision refused = refusedUnread(body);
        if (refused != null) {
            return new DecidedRequest(null, refused);
        }
        if (ContainerCount.mayExceed(body, 0, body.length, TooManyContainersRule.MAX_CONTAINERS)) {
            // Decided from the token stream: the tree of such a body could take several times 64 MB of heap.
            ContainerCount count;
            try {
                count = ContainerCount.of(body, 0, body.length);
            } catch (JacksonException e) {
                return new DecidedRequest(null, unparsable(e));
            }
            if (count.first() == JsonToken.START_ARRAY) {
                return new DecidedRequest(null, refused(notAnObject, notAnObject.message(), "ARRAY"));
            }
            if (count.first() == JsonToken.START_OBJECT && count.containers() > TooManyContainersRule.MAX_CONTAINERS) {
                return new DecidedRequest(null, count.events() > TooManyEventsRule.MAX_EVENTS
                        ? refusedAt(tooManyEvents, "/BatchItem", count.events() + " events", body)
                        : refused(tooManyContainers, tooManyContainers.message(), count.containers()
                                + " objects and arrays"));
            }
        }
        JsonNode tree;
        try {
            tree = Json.readStrict(body);
        } catch (JacksonException e) {
            return new DecidedRequest(null, unparsable(e));
        }
        return decideTree(body, tree);
    }

    /**
     * As {@link #decideRequest}, for a body already read by {@link Json#readStrict} into {@code tree}: a parse that
     * succeeded found the body well-formed JSON without a member named twice, and held it as a tree.
     */
    public DecidedRequest decideParsed(byte[] body, JsonNode tree) {
        Decision refused = refusedUnread(body);
        if (refused != null) {
            return new DecidedRequest(null, refused);
        }
        if (ContainerCount.mayExceed(body, 0, body.length, TooManyContainersRule.MAX_CONTAINERS)) {
            return decideRequest(body); // the tree may be over the bound, which is decided without one
        }
        return decideTree(body, tree);
    }

    /** The refusal of a body too large or not UTF-8 (Jackson lets some such bytes through), or null. */
    private Decision refusedUnread(byte[] body) {
        Optional<Decision> bySize = decideBySize(body.length);
        return bySize.isPresent() ? bySize.get() : notUtf8(body);
    }

    private Decision notUtf8(byte[] body) {
        Utf8.Problem encoding = Utf8.check(body, 0, body.length);
        if (encoding == null) {
            return null;
        }
        int[] at = lineAndColumn(body, encoding.byteOffset());
        Finding v = new Finding(notUtf8, notUtf8.message(), "", null, null, encoding.detail(), at[0], at[1]);
        return new Decision(null, new ServiceError(notUtf8.errorType(), 400, notUtf8.message()), List.of(v),
                List.of());
    }

    private DecidedRequest decideTree(byte[] body, JsonNode tree) {
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            return new DecidedRequest(null, refused(notAnObject, notAnObject.message(),
                    tree == null ? "empty body" : tree.getNodeType().name()));
        }
        return new DecidedRequest(tree, decide(tree, body.length, () -> body));
    }

    /**
     * The decision on the body {@code written} gives for {@code tree}, made on the tree itself wherever the
     * service would read those bytes back as this same tree (see {@link SentBody}). The same decision as
     * {@code decideRequest(written.get())}, but with no finding placed by line and column: the caller places
     * them in the document the tree was read from, so the written body is needed only where the tree is not
     * decided.
     */
    public DecidedRequest decideWritten(JsonNode tree, Supplier<byte[]> written) {
        long bound = tree.isObject() ? SentBody.faithfulBound(tree) : -1;
        if (bound < 0 || tooLarge.violatedBy(bound)) {
            // Its size decides, or it is not read back as this tree.
            DecidedRequest decided = decideRequest(written.get());
            Decision d = decided.decision();
            return new DecidedRequest(decided.request(), new Decision(d.response(), d.error(), unplaced(d.errors()),
                    unplaced(d.warnings()), d.unlisted()));
        }
        return new DecidedRequest(tree, decide(tree, (int) bound, null));
    }

    private static List<Finding> unplaced(List<Finding> findings) {
        return findings.stream().map(f -> f.at(f.pointer(), 0, 0)).toList();
    }

    /**
     * @param bodyBytes the body's length or an upper bound of it, within the body limit
     * @param body the body, to place findings by line and column; null leaves them unplaced
     */
    private Decision decide(JsonNode parsed, int bodyBytes, Supplier<byte[]> body) {
        JsonNode tree = parsed;
        BoundedFindings findings = new BoundedFindings(catalogue);
        // A conforming body holds no null member (every member has a type), so only a body that breaks the
        // schema pays for null stripping and for networknt's detailed errors.
        boolean conforms = fastSchema.conforms(parsed);
        if (!conforms) {
            tree = NullMembers.strip(parsed, ShapeModel.get().eventsRequest());
        }
        RequestView request = new RequestView(tree, clock);
        // Known before any item is walked: a request refused as a whole gives no item answers, so item findings
        // past the cap need only be counted (100,100 events of one body).
        findings.refusedAsAWhole(refusesRequest(request));
        if (!conforms) {
            schema.get().validate(tree, findings);
        }
        requestChecks.forEach(c -> c.check(request, findings));
        collectItemFindings(request, bodyBytes, findings);
        List<Finding> errors = findings.listed(Severity.ERROR);
        List<Finding> warnings = findings.listed(Severity.WARNING);
        if (body != null && (!errors.isEmpty() || !warnings.isEmpty())) {
            byte[] bytes = body.get();
            errors = locate(errors, bytes);
            warnings = locate(warnings, bytes);
        }

        Rule requestError = findings.requestRefusal();
        if (requestError != null) {
            return new Decision(null, new ServiceError(requestError.errorType(), requestError.statusCode(),
                    requestError.message()), errors, warnings, findings.unlisted());
        }
        return new Decision(respond(tree, findings), null, errors, warnings, findings.unlisted());
    }

    /** Whether a request-level code rule refuses the request; what they find is reported later, in order. */
    private boolean refusesRequest(RequestView request) {
        boolean[] refused = {false};
        Findings probe = (rule, pointer, detail) -> refused[0] |= rule.severity() == Severity.ERROR;
        refusingRequestChecks.forEach(c -> c.check(request, probe));
        return refused[0];
    }

    private void collectItemFindings(RequestView request, int bodyBytes, Findings sink) {
        JsonNode batchItem = request.batchItem();
        if (!batchItem.isObject()) {
            return;
        }
        for (Entry<String, JsonNode> item : batchItem.properties()) {
            if (!item.getValue().isObject()) {
                continue;
            }
            String endpointPointer = "/BatchItem/" + Json.escapePointer(item.getKey());
            EndpointView endpoint = new EndpointView(item.getKey(), item.getValue(), endpointPointer, clock,
                    bodyBytes);
            endpointChecks.forEach(c -> c.check(endpoint, sink));
            JsonNode events = item.getValue().path("Events");
            if (!events.isObject()) {
                continue;
            }
            for (Entry<String, JsonNode> e : events.properties()) {
                if (e.getValue().isObject()) {
                    EventView event = new EventView(item.getKey(), e.getKey(), e.getValue(),
                            endpointPointer + "/Events/" + Json.escapePointer(e.getKey()), clock, bodyBytes);
                    eventChecks.forEach(c -> c.check(event, sink));
                }
            }
        }
    }

    /** The per-item answer: each item's message is its best-ranked refusing rule's. */
    private static EventsResponse respond(JsonNode tree, BoundedFindings findings) {
        Map<String, ItemResponse> results = new LinkedHashMap<>();
        for (Entry<String, JsonNode> item : tree.path("BatchItem").properties()) {
            ItemStatus endpointStatus = status(findings.endpointRefusal(item.getKey()));
            Map<String, Rule> refusedEvents = findings.eventRefusals(item.getKey());
            JsonNode eventNodes = item.getValue().path("Events");
            Map<String, ItemStatus> events = new LinkedHashMap<>(eventNodes.size() * 4 / 3 + 1);
            for (String eventId : eventNodes.propertyNames()) {
                events.put(eventId, status(refusedEvents.get(eventId)));
            }
            results.put(item.getKey(), new ItemResponse(endpointStatus, events));
        }
        return new EventsResponse(results);
    }

    private static ItemStatus status(Rule refusal) {
        return refusal == null ? ItemStatus.ACCEPTED : ItemStatus.refused(refusal.message());
    }

    /** The answer to a body that is not well-formed JSON, or names a member twice. */
    private Decision unparsable(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        if (Json.isDuplicateMember(e)) {
            Finding v = new Finding(duplicate, duplicate.message(), "", null, null, e.getOriginalMessage(), line,
                    column);
            return new Decision(null, new ServiceError(duplicate.errorType(), 400, duplicate.message()), List.of(v),
                    List.of());
        }
        String message = e.getMessage();
        Finding v = new Finding(malformed, message, "", null, null, e.getOriginalMessage(), line, column);
        return new Decision(null, new ServiceError(malformed.errorType(), 400, message), List.of(v), List.of());
    }

    /** A whole-request refusal found at {@code pointer}, placed by line and column. */
    private Decision refusedAt(Rule rule, String pointer, String detail, byte[] body) {
        Finding v = new Finding(rule, rule.message(), pointer, null, null, detail, 1, 1);
        return new Decision(null, new ServiceError(rule.errorType(), rule.statusCode(), rule.message()),
                locate(List.of(v), body), List.of());
    }

    private Decision refused(Rule rule, String message, String detail) {
        Finding v = new Finding(rule, message, "", null, null, detail, 1, 1);
        return new Decision(null, new ServiceError(rule.errorType(), rule.statusCode(), message), List.of(v),
                List.of());
    }

    /** 1-based line and column (in bytes) of a byte offset. */
    private static int[] lineAndColumn(byte[] body, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < body.length; i++) {
            if (body[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static List<Finding> locate(List<Finding> findings, byte[] body) {
        if (findings.isEmpty()) {
            return findings;
        }
        Set<String> pointers = findings.stream().map(Finding::pointer).collect(Collectors.toSet());
        LocationIndex index = LocationIndex.of(body, 0, body.length, pointers);
        return findings.stream().map(v -> {
            int[] at = index.locate(v.pointer());
            return v.at(v.pointer(), at[0], at[1]);
        }).toList();
    }
}

package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Shape;
import io.github.pinpointevents.core.internal.PythonRepr;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.ShapeModel;

import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.result.ParameterFindings;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.client.InvalidParameterTypeRule;
import io.github.pinpointevents.core.rules.client.MissingRequiredParameterRule;
import io.github.pinpointevents.core.rules.client.UnknownParameterRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * The AWS CLI's client-side parameter validation (botocore's ParamValidator), walked over our shape model
 * in botocore's order: required members, then unknown members, then each known member, in input order.
 */
public final class ParameterValidator {

    private static final String EVENTS_REQUEST = "/EventsRequest";

    private final MissingRequiredParameterRule missing;
    private final InvalidParameterTypeRule invalidType;
    private final UnknownParameterRule unknown;
    private final Shape.Structure input = ShapeModel.get().putEventsInput();

    public ParameterValidator(RuleCatalogue catalogue) {
        missing = catalogue.rule(MissingRequiredParameterRule.class);
        invalidType = catalogue.rule(InvalidParameterTypeRule.class);
        unknown = catalogue.rule(UnknownParameterRule.class);
    }

    /** Checks a PutEvents input ({@code {"ApplicationId": ..., "EventsRequest": ...}}); pointers are into it. */
    public List<Finding> validate(JsonNode putEventsInput, boolean orderedDicts) {
        return validate(putEventsInput, orderedDicts, Integer.MAX_VALUE).listed();
    }

    /** As {@link #validate(JsonNode, boolean)}, listing at most {@code limit} findings and counting the rest. */
    public ParameterFindings validate(JsonNode putEventsInput, boolean orderedDicts, int limit) {
        Walk walk = new Walk(orderedDicts, limit);
        walk.value(putEventsInput, input, At.ROOT);
        return new ParameterFindings(walk.out, walk.unlisted);
    }

    /**
     * Where a value sits, as the walk descends: spelt out as botocore's name ({@code EventsRequest.BatchItem.x})
     * and as a JSON Pointer only for a finding, so an accepted request builds no path strings.
     */
    private record At(At parent, String member, int index) {
        static final At ROOT = new At(null, null, -1);

        At member(String name) {
            return new At(this, name, -1);
        }

        At index(int i) {
            return new At(this, null, i);
        }

        String name() {
            return parent == null ? "" : parent.name() + (member != null ? "." + member : "[" + index + "]");
        }

        String pointer() {
            return parent == null ? "" : parent.pointer() + "/" + (member != null ? Json.escapePointer(member)
                    : Integer.toString(index));
        }
    }

    /** One validation run. */
    private final class Walk {
        /** Whether the EventsRequest came from --events-request, whose objects Python holds as OrderedDicts. */
        private final boolean orderedEventsRequest;
        private final List<Finding> out = new ArrayList<>();
        private final int limit;
        private long unlisted;

        Walk(boolean orderedEventsRequest, int limit) {
            this.orderedEventsRequest = orderedEventsRequest;
            this.limit = limit;
        }

        /** Whether one more finding is listed; past the limit it is only counted, and its text never built. */
        private boolean listing() {
            if (out.size() < limit) {
                return true;
            }
            unlisted++;
            return false;
        }

        void value(JsonNode value, Shape shape, At at) {
            if (shape instanceof Shape.Structure s) {
                if (typeChecked(value.isObject(), value, "<class 'dict'>", at)) {
                    structure(value, s, at);
                }
            } else if (shape instanceof Shape.MapShape m) {
                if (typeChecked(value.isObject(), value, "<class 'dict'>", at)) {
                    for (Entry<String, JsonNode> e : value.properties()) {
                        value(e.getValue(), m.value(), at.member(e.getKey()));
                    }
                }
            } else if (shape instanceof Shape.ListShape l) {
                if (typeChecked(value.isArray(), value, "<class 'list'>, <class 'tuple'>", at)) {
                    for (int i = 0; i < value.size(); i++) {
                        value(value.get(i), l.member(), at.index(i));
                    }
                }
            } else if (shape instanceof Shape.Enumerated) {
                typeChecked(value.isString(), value, Shape.Scalar.STRING.validTypes(), at);
            } else {
                Shape.Scalar scalar = (Shape.Scalar) shape;
                typeChecked(fits(value, scalar), value, scalar.validTypes(), at);
            }
        }

        private void structure(JsonNode value, Shape.Structure s, At at) {
            for (String required : s.required()) {
                if (!value.has(required) && listing()) { // present-but-null counts as present in Python
                    out.add(violation(missing, missing.render(display(at.name()), required), at.pointer(),
                            required));
                }
            }
            // One lookup per member: every unknown member is listed before any finding inside a known one.
            Shape[] shapes = new Shape[value.size()];
            int i = 0;
            for (String member : value.propertyNames()) {
                shapes[i++] = s.members().get(member);
                if (shapes[i - 1] == null && listing()) {
                    out.add(violation(unknown, unknown.render(display(at.name()), member,
                            String.join(", ", s.members().keySet())), at.member(member).pointer(), member));
                }
            }
            i = 0;
            for (Entry<String, JsonNode> e : value.properties()) {
                Shape member = shapes[i++];
                if (member != null) {
                    value(e.getValue(), member, at.member(e.getKey()));
                }
            }
        }

        private boolean typeChecked(boolean ok, JsonNode value, String validTypes, At at) {
            if (!ok && listing()) {
                String pointer = at.pointer();
                boolean ordered = orderedEventsRequest && pointer.startsWith(EVENTS_REQUEST);
                String type = PythonRepr.type(value, ordered);
                out.add(violation(invalidType, invalidType.render(display(at.name()), PythonRepr.str(value, ordered),
                        type, validTypes), pointer, type));
            }
            return ok;
        }
    }

    /** Python's isinstance: bool is an int, and an int is a valid float. */
    private static boolean fits(JsonNode value, Shape.Scalar scalar) {
        return switch (scalar) {
            case STRING -> value.isString();
            case INTEGER -> value.isIntegralNumber() || value.isBoolean();
            case DOUBLE -> value.isNumber() || value.isBoolean();
        };
    }

    private static Finding violation(Rule rule, String message, String pointer, String detail) {
        String[] tokens = Json.tokens(pointer);
        // Input pointers look like /EventsRequest/BatchItem/{endpoint}/Events/{event}/...
        String endpointId = tokens.length > 2 && tokens[0].equals("EventsRequest") ? tokens[2] : null;
        String eventId = tokens.length > 4 && tokens[3].equals("Events") ? tokens[4] : null;
        return new Finding(rule, message, pointer, endpointId, eventId, detail, 0, 0);
    }

    private static String display(String name) {
        return name.isEmpty() ? "input" : name.startsWith(".") ? name.substring(1) : name;
    }
}

package io.github.pinpointevents.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Builds the {@link Shape} tree of a PutEvents call from the packaged schemas. */
public final class ShapeModel {

    public static final String SCHEMA_PATH = "/io/github/pinpointevents/schemas/";
    public static final String EVENTS_REQUEST = "events-request.schema.json";
    public static final String CLI_INPUT = "cli-input.schema.json";

    private static final ShapeModel INSTANCE = new ShapeModel();

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final Shape.Structure putEventsInput;
    private final Shape.Structure eventsRequest;

    private ShapeModel() {
        putEventsInput = (Shape.Structure) build(document(CLI_INPUT), CLI_INPUT);
        eventsRequest = (Shape.Structure) putEventsInput.members().get("EventsRequest");
    }

    public static ShapeModel get() {
        return INSTANCE;
    }

    /** The input of the PutEvents operation: ApplicationId and EventsRequest. */
    public Shape.Structure putEventsInput() {
        return putEventsInput;
    }

    /** The request body. */
    public Shape.Structure eventsRequest() {
        return eventsRequest;
    }

    /** A packaged schema document, parsed. */
    public JsonNode document(String name) {
        return documents.computeIfAbsent(name, n -> Json.MAPPER.readTree(Resources.bytes(SCHEMA_PATH + n)));
    }

    private Shape build(JsonNode node, String doc) {
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            String target = ref.stringValue();
            int hash = target.indexOf('#');
            String targetDoc = hash == 0 ? doc : hash < 0 ? target : target.substring(0, hash);
            String fragment = hash < 0 ? "" : target.substring(hash + 1);
            return build(document(targetDoc).at(fragment), targetDoc);
        }
        JsonNode properties = node.get("properties");
        if (properties != null) {
            Map<String, Shape> members = new LinkedHashMap<>();
            properties.properties().forEach(p -> members.put(p.getKey(), build(p.getValue(), doc)));
            List<String> required = new ArrayList<>();
            node.path("required").forEach(r -> required.add(r.stringValue()));
            return new Shape.Structure(Collections.unmodifiableMap(members), List.copyOf(required));
        }
        String type = node.path("type").asString("");
        switch (type) {
            case "object":
                return new Shape.MapShape(build(node.get("additionalProperties"), doc));
            case "array":
                return new Shape.ListShape(build(node.get("items"), doc));
            case "string":
                if (node.has("enum")) {
                    List<String> values = new ArrayList<>();
                    node.get("enum").forEach(v -> values.add(v.stringValue()));
                    return new Shape.Enumerated(List.copyOf(values));
                }
                return Shape.Scalar.STRING;
            case "integer":
                return Shape.Scalar.INTEGER;
            case "number":
                return Shape.Scalar.DOUBLE;
            default:
                throw new IllegalStateException("schema node without a shape: " + node);
        }
    }
}

package io.github.pinpointevents.core.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The AWS CLI's {@code --generate-cli-skeleton}, built from the shape model. */
public final class Skeleton {

    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

    private Skeleton() {
    }

    /** Every input member with a placeholder: "" for strings, 0 and 0.0 for numbers, KeyName for map keys. */
    public static JsonNode input() {
        return of(ShapeModel.get().putEventsInput());
    }

    /** The shape of a successful answer, as AWS CLI v2 fills it: strings hold their member's name. */
    public static JsonNode output() {
        ObjectNode status = NODES.objectNode().put("Message", "Message").put("StatusCode", 0);
        ObjectNode item = NODES.objectNode();
        item.set("EndpointItemResponse", status);
        item.putObject("EventsItemResponse").set("KeyName", status.deepCopy());
        ObjectNode root = NODES.objectNode();
        root.putObject("EventsResponse").putObject("Results").set("KeyName", item);
        return root;
    }

    private static JsonNode of(Shape shape) {
        if (shape instanceof Shape.Structure s) {
            ObjectNode node = NODES.objectNode();
            s.members().forEach((name, member) -> node.set(name, of(member)));
            return node;
        } else if (shape instanceof Shape.MapShape m) {
            ObjectNode node = NODES.objectNode();
            node.set("KeyName", of(m.value()));
            return node;
        } else if (shape instanceof Shape.ListShape l) {
            return NODES.arrayNode().add(of(l.member()));
        } else if (shape instanceof Shape.Enumerated e) {
            return NODES.stringNode(e.values().get(0));
        }
        return switch ((Shape.Scalar) shape) {
            case STRING -> NODES.stringNode("");
            case INTEGER -> NODES.numberNode(0);
            case DOUBLE -> NODES.numberNode(0.0);
        };
    }
}

package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service reads a structure member that is null as absent (its Jackson does), so a null EventType is
 * a missing EventType. Nulls inside maps and lists stay: they are type mismatches.
 */
final class NullMembers {

    private NullMembers() {
    }

    /** The body without null structure members; the same instance when it has none. */
    static JsonNode strip(JsonNode body, Shape shape) {
        if (!hasNullMember(body, shape)) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        remove(copy, shape);
        return copy;
    }

    private static boolean hasNullMember(JsonNode node, Shape shape) {
        if (shape instanceof Shape.Structure s && node.isObject()) {
            for (Entry<String, JsonNode> p : node.properties()) {
                Shape member = s.members().get(p.getKey());
                if (member != null && (p.getValue().isNull() || hasNullMember(p.getValue(), member))) {
                    return true;
                }
            }
        } else if (shape instanceof Shape.MapShape m && node.isObject()) {
            for (JsonNode value : node.values()) {
                if (hasNullMember(value, m.value())) {
                    return true;
                }
            }
        } else if (shape instanceof Shape.ListShape l && node.isArray()) {
            for (JsonNode item : node.values()) {
                if (hasNullMember(item, l.member())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void remove(JsonNode node, Shape shape) {
        if (shape instanceof Shape.Structure s && node.isObject()) {
            List<String> nulls = new ArrayList<>();
            for (Entry<String, JsonNode> p : node.properties()) {
                Shape member = s.members().get(p.getKey());
                if (member != null) {
                    if (p.getValue().isNull()) {
                        nulls.add(p.getKey());
                    } else {
                        remove(p.getValue(), member);
                    }
                }
            }
            ((ObjectNode) node).remove(nulls);
        } else if (shape instanceof Shape.MapShape m && node.isObject()) {
            node.values().forEach(v -> remove(v, m.value()));
        } else if (shape instanceof Shape.ListShape l && node.isArray()) {
            node.values().forEach(v -> remove(v, l.member()));
        }
    }
}

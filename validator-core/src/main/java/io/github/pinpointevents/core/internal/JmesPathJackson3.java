package io.github.pinpointevents.core.internal;

import io.burt.jmespath.BaseRuntime;
import io.burt.jmespath.JmesPathType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * jmespath-core's runtime over Jackson 3 trees: the library ships an adapter for Jackson 2 only
 * (https://github.com/burtcorp/jmespath-java), and a second Jackson would double the tree in memory.
 */
public final class JmesPathJackson3 extends BaseRuntime<JsonNode> {

    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

    @Override
    public JsonNode parseString(String string) {
        return Json.MAPPER.readTree(string);
    }

    @Override
    public List<JsonNode> toList(JsonNode value) {
        List<JsonNode> list = new ArrayList<>();
        if (value.isArray() || value.isObject()) {
            value.values().forEach(list::add);
        }
        return list;
    }

    @Override
    public String toString(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    @Override
    public Number toNumber(JsonNode value) {
        return value.isNumber() ? value.numberValue() : null;
    }

    @Override
    public boolean isTruthy(JsonNode value) {
        return switch (typeOf(value)) {
            case NULL -> false;
            case BOOLEAN -> value.booleanValue();
            case STRING -> !value.asString().isEmpty();
            case ARRAY, OBJECT -> !value.isEmpty();
            default -> true;
        };
    }

    @Override
    public JmesPathType typeOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return JmesPathType.NULL;
        } else if (value.isBoolean()) {
            return JmesPathType.BOOLEAN;
        } else if (value.isNumber()) {
            return JmesPathType.NUMBER;
        } else if (value.isString()) {
            return JmesPathType.STRING;
        } else if (value.isArray()) {
            return JmesPathType.ARRAY;
        }
        return JmesPathType.OBJECT;
    }

    @Override
    public JsonNode getProperty(JsonNode value, JsonNode name) {
        JsonNode member = value.isObject() ? value.get(name.asString()) : null;
        return member == null ? createNull() : member;
    }

    @Override
    public Collection<JsonNode> getPropertyNames(JsonNode value) {
        List<JsonNode> names = new ArrayList<>();
        if (value.isObject()) {
            value.propertyNames().forEach(n -> names.add(NODES.stringNode(n)));
        }
        return names;
    }

    @Override
    public JsonNode createNull() {
        return NODES.nullNode();
    }

    @Override
    public JsonNode createArray(Collection<JsonNode> elements) {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(array::add);
        return array;
    }

    @Override
    public JsonNode createString(String string) {
        return NODES.stringNode(string);
    }

    @Override
    public JsonNode createBoolean(boolean b) {
        return NODES.booleanNode(b);
    }

    @Override
    public JsonNode createObject(Map<JsonNode, JsonNode> members) {
        ObjectNode object = NODES.objectNode();
        members.forEach((k, v) -> object.set(k.asString(), v));
        return object;
    }

    @Override
    public JsonNode createNumber(double n) {
        return NODES.numberNode(n);
    }

    @Override
    public JsonNode createNumber(long n) {
        return NODES.numberNode(n);
    }
}

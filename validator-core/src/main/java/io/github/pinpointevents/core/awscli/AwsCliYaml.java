package io.github.pinpointevents.core.awscli;

import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --cli-input-yaml}: a YAML document read as the AWS CLI v2 reads it (ruamel.yaml's safe loader, YAML
 * 1.2: {@code yes} and {@code no} are strings, {@code true} and {@code false} booleans). Timestamps stay strings
 * here, where ruamel would make them datetimes that botocore then refuses for PutEvents' string members
 * (docs/put-events.md). Bounded: aliases, nesting and size are capped.
 */
final class AwsCliYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AwsCliYaml() {
    }

    /** The document, or the AWS CLI's refusal of it. */
    static ObjectNode parseObject(String text) throws ParameterFile.ParameterException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(200);
        options.setCodePointLimit(8 * 1024 * 1024); // ParameterFile has refused what is over the body limit
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options), new Representer(new org.yaml.snakeyaml.DumperOptions()),
                    new org.yaml.snakeyaml.DumperOptions(), options, new Yaml12Resolver()).load(text);
        } catch (YAMLException | StackOverflowError | IllegalArgumentException e) { // NumberFormatException too
            throw new ParameterFile.ParameterException("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
        }
        if (!(loaded instanceof Map<?, ?>)) {
            throw new ParameterFile.ParameterException("Error parsing parameter '--cli-input-yaml': Invalid type:"
                    + " expecting map, received " + pythonType(loaded));
        }
        return (ObjectNode) json(loaded);
    }

    static String pythonType(Object value) {
        if (value == null) {
            return "<class 'NoneType'>";
        } else if (value instanceof List<?>) {
            return "<class 'list'>";
        } else if (value instanceof String) {
            return "<class 'str'>";
        } else if (value instanceof Boolean) {
            return "<class 'bool'>";
        } else if (value instanceof Double) {
            return "<class 'float'>";
        } else if (value instanceof Number) {
            return "<class 'int'>";
        }
        return "<class '" + value.getClass().getSimpleName() + "'>";
    }

    private static JsonNode json(Object value) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = NODES.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), json(v)));
            return node;
        } else if (value instanceof List<?> list) {
            ArrayNode node = NODES.arrayNode();
            list.forEach(v -> node.add(json(v)));
            return node;
        } else if (value == null) {
            return NODES.nullNode();
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        } else if (value instanceof Date || value instanceof byte[]) {
            return NODES.stringNode(String.valueOf(value));
        }
        return NODES.stringNode(value.toString());
    }

    /** YAML 1.2's core schema, as ruamel.yaml resolves plain scalars by default. */
    private static final class Yaml12Resolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                    "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)"
                    + "(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}

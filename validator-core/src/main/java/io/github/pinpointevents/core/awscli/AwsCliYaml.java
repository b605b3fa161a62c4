package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.CompactNodeFactory;
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

    private static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

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
                    new org.yaml.snakeyaml.DumperOptions(), options, new Yaml12Resolver(false)).load(text);
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

    /**
     * ruamel.yaml's resolver for YAML 1.2 (the AWS CLI's: {@code yes} and {@code on} are strings): which plain
     * scalars are booleans, numbers, null, timestamps. Loading leaves timestamps strings (see the class comment);
     * dumping quotes a string that would read back as any of them.
     */
    static final class Yaml12Resolver extends Resolver {
        Yaml12Resolver(boolean timestamps) {
            super();
            if (timestamps) {
                addImplicitResolver(Tag.TIMESTAMP, Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                        + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                        + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"), "0123456789");
                addImplicitResolver(new Tag("tag:yaml.org,2002:value"), Pattern.compile("^(?:=)$"), "=");
                addImplicitResolver(new Tag("tag:yaml.org,2002:yaml"), Pattern.compile("^(?:!|&|\\*)$"), "!&*");
            }
        }

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                    + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+"
                    + "|[-+]?0x[0-9a-fA-F_]+)$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}

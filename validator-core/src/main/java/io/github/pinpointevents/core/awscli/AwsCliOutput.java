package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.PythonJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.databind.JsonNode;

/**
 * The AWS CLI's output formats for a (queried) response, as AWS CLI v2 prints them
 * (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html).
 */
public enum AwsCliOutput {
    JSON, TEXT, TABLE, YAML, YAML_STREAM;

    /** The format named on the command line or in AWS_DEFAULT_OUTPUT; null when there is no such format. */
    public static AwsCliOutput named(String name) {
        for (AwsCliOutput format : values()) {
            if (format.cliName().equals(name)) {
                return format;
            }
        }
        return null;
    }

    /** The name the AWS CLI gives this format. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Writes {@code value} in this format. */
    public void write(JsonNode value, PrintWriter out) {
        switch (this) {
            case JSON -> {
                if (!(value.isObject() && value.isEmpty())) { // the AWS CLI prints nothing for {}
                    PythonJson.pretty(value, out);
                }
            }
            case TEXT -> text(value, null, null, out);
            case TABLE -> AwsCliTable.write(value, "PutEvents", out); // titled with the operation's name
            case YAML -> {
                if (!(value.isObject() && value.isEmpty())) {
                    yaml(value, out);
                }
            }
            case YAML_STREAM -> {
                if (!(value.isObject() && value.isEmpty())) {
                    yaml(tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(value), out);
                }
            }
            default -> throw new AssertionError(this);
        }
        out.flush();
    }

    // Text: scalars of an object on one tab-separated line (sorted by key, led by the upper-cased key the object
    // sits under), nested objects and lists after it; awscli/text.py in https://github.com/aws/aws-cli.
    private static void text(JsonNode value, String identifier, List<String> scalarKeys, PrintWriter out) {
        if (value.isObject()) {
            textObject(value, identifier, scalarKeys, out);
        } else if (value.isArray()) {
            textList(value, identifier, out);
        } else {
            out.print(python(value) + "\n");
        }
    }

    private static void textObject(JsonNode value, String identifier, List<String> scalarKeys, PrintWriter out) {
        List<String> scalars = new ArrayList<>();
        Map<String, JsonNode> nested = new TreeMap<>();
        if (scalarKeys == null) {
            new TreeMap<>(asMap(value)).forEach((k, v) -> {
                if (v.isContainer()) {
                    nested.put(k, v);
                } else {
                    scalars.add(python(v));
                }
            });
        } else {
            scalarKeys.forEach(k -> scalars.add(value.has(k) ? python(value.get(k)) : ""));
            value.properties().forEach(e -> {
                if (!scalarKeys.contains(e.getKey())) {
                    nested.put(e.getKey(), e.getValue());
                }
            });
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.add(0, identifier.toUpperCase(Locale.ROOT));
            }
            out.print(String.join("\t", scalars) + "\n");
        }
        nested.forEach((k, v) -> text(v, k, null, out));
    }

    private static void textList(JsonNode list, String identifier, PrintWriter out) {
        if (list.isEmpty()) {
            return;
        }
        List<JsonNode> scalars = new ArrayList<>();
        List<JsonNode> containers = new ArrayList<>();
        boolean anyObject = false;
        for (JsonNode element : list) {
            anyObject |= element.isObject();
            (element.isContainer() ? containers : scalars).add(element);
        }
        if (anyObject) {
            TreeSet<String> keys = new TreeSet<>();
            list.forEach(e -> e.properties().forEach(p -> {
                if (!p.getValue().isContainer()) {
                    keys.add(p.getKey());
                }
            }));
            list.forEach(e -> text(e, identifier, new ArrayList<>(keys), out));
            return;
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) {
                scalars.forEach(s -> out.print(identifier.toUpperCase(Locale.ROOT) + "\t" + python(s) + "\n"));
            } else {
                out.print(String.join("\t", scalars.stream().map(AwsCliOutput::python).toList()) + "\n");
            }
        }
        containers.forEach(c -> text(c, identifier, null, out));
    }

    private static Map<String, JsonNode> asMap(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Python's str() of a JSON scalar. */
    static String python(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "None";
        } else if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        } else if (v.isString()) {
            return v.asString();
        } else if (v.isFloatingPointNumber()) {
            return PythonJson.pretty(v).strip();
        }
        return v.asString();
    }

    private static void yaml(JsonNode value, PrintWriter out) {
        if (!value.isContainer()) { // the AWS CLI writes a scalar as JSON, not as a YAML document ending in "..."
            out.print(PythonJson.pretty(value).strip() + "\n");
            return;
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(80);
        options.setAllowUnicode(true);
        String text = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options,
                new LoaderOptions(), new AwsCliYaml.Yaml12Resolver(true)).dump(plain(value));
        // SnakeYAML writes an empty key as a complex key ("? ''"); ruamel.yaml as a plain one ('': ...).
        out.print(text.contains(EMPTY_KEY) ? text.replace(EMPTY_KEY + ":", "'':") : text);
    }

    /** Stands for an empty key while SnakeYAML writes the tree. */
    private static final String EMPTY_KEY = "pinpoint-events-empty-key-8d1c2f";

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    /** The tree as the maps, lists and scalars SnakeYAML writes. */
    private static Object plain(JsonNode v) {
        if (v.isObject()) {
            // ruamel.yaml's safe dumper, which the AWS CLI uses, sorts every mapping by key (code points).
            Map<String, Object> sorted = new TreeMap<>(AwsCliOutput::compareCodePoints);
            v.properties().forEach(e -> sorted.put(e.getKey(), plain(e.getValue())));
            Map<String, Object> map = new LinkedHashMap<>();
            sorted.forEach((k, x) -> map.put(k.isEmpty() ? EMPTY_KEY : k, x));
            return map;
        } else if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(plain(e)));
            return list;
        } else if (v.isNull()) {
            return null;
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        } else if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asString();
    }
}

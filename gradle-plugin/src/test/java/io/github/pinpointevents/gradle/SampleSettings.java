package io.github.pinpointevents.gradle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradle.api.Project;
import org.gradle.api.file.DirectoryProperty;
import org.gradle.api.provider.HasConfigurableValue;
import org.gradle.api.provider.ListProperty;
import org.gradle.api.provider.MapProperty;
import org.gradle.api.provider.Property;

/**
 * The {@code pinpointEvents { name = value }} settings of a sample build file (Kotlin or Groovy DSL), read as
 * plain values and applied to an extension: the tests run the samples' configuration, not a restatement of it.
 * Understands the few value forms the samples use: strings, numbers (L for Long, d or a point for Double),
 * booleans, lists, maps and {@code layout.projectDirectory.dir("...")}.
 */
record SampleSettings(Map<String, Object> values) {

    /** A directory relative to the project directory. */
    record Dir(String path) {
    }

    private static final Pattern BLOCK = Pattern.compile("(?s)\\npinpointEvents \\{\\n(.*?)\\n}");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(\\w+) = (.+)$");

    static SampleSettings read(Path buildFile) throws IOException {
        Matcher block = BLOCK.matcher(Files.readString(buildFile, StandardCharsets.UTF_8));
        if (!block.find()) {
            throw new IllegalArgumentException("no pinpointEvents block in " + buildFile);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String line : block.group(1).lines().toList()) {
            if (line.isBlank() || line.trim().startsWith("//")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a setting: " + line);
            }
            values.put(m.group(1), value(m.group(2).trim()));
        }
        return new SampleSettings(values);
    }

    private static Object value(String text) {
        Matcher dir = Pattern.compile("layout\\.projectDirectory\\.dir\\(([\"'])(.*)\\1\\)").matcher(text);
        if (dir.matches()) {
            return new Dir(dir.group(2));
        }
        String inner = null;
        if (text.startsWith("listOf(") || text.startsWith("mapOf(")) {
            inner = text.substring(text.indexOf('(') + 1, text.length() - 1);
        } else if (text.startsWith("[")) {
            inner = text.substring(1, text.length() - 1);
        }
        if (inner != null) {
            boolean map = text.startsWith("mapOf(") || inner.contains(":");
            List<Object> list = new ArrayList<>();
            Map<String, Object> entries = new LinkedHashMap<>();
            for (String item : inner.split(",")) {
                if (map) {
                    String[] kv = item.trim().split(text.startsWith("mapOf(") ? " to " : ":");
                    entries.put((String) value(kv[0].trim().replaceAll("^(\\w+)$", "'$1'")), value(kv[1].trim()));
                } else {
                    list.add(value(item.trim()));
                }
            }
            return map ? entries : list;
        }
        if (text.matches("([\"']).*\\1")) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d+L")) {
            return Long.valueOf(text.substring(0, text.length() - 1));
        }
        if (text.matches("-?\\d+(\\.\\d+)?d|-?\\d+\\.\\d+")) {
            return Double.valueOf(text.replace("d", ""));
        }
        if (text.matches("-?\\d+")) {
            return Integer.valueOf(text);
        }
        throw new IllegalArgumentException("unknown value form: " + text);
    }

    /** Sets each value on the extension's property of that name, as the DSL's assignment does. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void applyTo(PinpointEventsExtension ext, Project project) throws ReflectiveOperationException {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String getter = "get" + Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
            HasConfigurableValue property = (HasConfigurableValue) PinpointEventsExtension.class
                    .getMethod(getter).invoke(ext);
            Object value = e.getValue();
            if (property instanceof DirectoryProperty d) {
                d.set(project.getLayout().getProjectDirectory().dir(((Dir) value).path()));
            } else if (property instanceof ListProperty l) {
                l.set((List) value);
            } else if (property instanceof MapProperty m) {
                m.set((Map) value);
            } else {
                ((Property) property).set(value);
            }
        }
    }
}

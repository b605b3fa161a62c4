package io.github.pinpointevents.core.awscli;

import io.github.pinpointevents.core.internal.Resources;
import io.github.pinpointevents.core.internal.Shape;
import io.github.pinpointevents.core.internal.ShapeModel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code --generate-cli-skeleton yaml-input} as AWS CLI v2 prints it: the input skeleton in block YAML, each
 * member commented with [REQUIRED], its documentation's first sentence (member-overviews.tsv, from the service
 * model) and an enum's valid values. ruamel.yaml puts two spaces before the first comment of a mapping, one
 * before the others; sequences sit at their key's indentation.
 */
final class YamlInputSkeleton {

    private static final Map<String, String> OVERVIEWS = overviews();

    private YamlInputSkeleton() {
    }

    static String text() {
        StringBuilder b = new StringBuilder();
        structure(ShapeModel.get().putEventsInput(), "", 0, b);
        return b.toString();
    }

    private static void structure(Shape.Structure s, String path, int indent, StringBuilder b) {
        boolean first = true;
        for (Map.Entry<String, Shape> e : s.members().entrySet()) {
            String memberPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Shape shape = e.getValue();
            StringBuilder comment = new StringBuilder();
            if (s.required().contains(e.getKey())) {
                comment.append("[REQUIRED]");
            }
            String overview = OVERVIEWS.get(memberPath);
            if (overview != null) {
                comment.append(comment.length() > 0 ? " " : "").append(overview);
            }
            if (shape instanceof Shape.Enumerated en) {
                comment.append(comment.length() > 0 ? " " : "").append("Valid values are: ")
                        .append(String.join(", ", en.values())).append('.');
            }
            b.append(" ".repeat(indent)).append(e.getKey()).append(':');
            String scalar = scalar(shape);
            if (scalar != null) {
                b.append(' ').append(scalar);
            }
            if (comment.length() > 0) {
                b.append(first ? "  # " : " # ").append(comment);
            }
            b.append('\n');
            if (scalar == null) {
                nested(shape, memberPath, indent, b);
            }
            first = false;
        }
    }

    private static void nested(Shape shape, String path, int indent, StringBuilder b) {
        if (shape instanceof Shape.Structure s) {
            structure(s, path, indent + 2, b);
        } else if (shape instanceof Shape.MapShape m) {
            b.append(" ".repeat(indent + 2)).append("KeyName:");
            String scalar = scalar(m.value());
            if (scalar != null) {
                b.append(' ').append(scalar).append('\n');
            } else {
                b.append('\n');
                nested(m.value(), path + ".KeyName", indent + 2, b);
            }
        } else if (shape instanceof Shape.ListShape l) {
            b.append(" ".repeat(indent)).append("- ").append(scalar(l.member())).append('\n');
        }
    }

    /** A scalar's placeholder as YAML, or null for a container. */
    private static String scalar(Shape shape) {
        if (shape instanceof Shape.Enumerated e) {
            return e.values().get(0);
        } else if (shape instanceof Shape.Scalar scalar) {
            return switch (scalar) {
                case STRING -> "''";
                case INTEGER -> "0";
                case DOUBLE -> "0.0";
            };
        }
        return null;
    }

    private static Map<String, String> overviews() {
        Map<String, String> map = new HashMap<>();
        String text = new String(Resources.bytes("/io/github/pinpointevents/core/awscli/member-overviews.tsv"),
                StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (!line.startsWith("#") && tab > 0) {
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return map;
    }
}

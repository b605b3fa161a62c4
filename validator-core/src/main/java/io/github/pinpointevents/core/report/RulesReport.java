package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The rule catalogue, as text (one block per rule) or JSON. */
public final class RulesReport {

    private RulesReport() {
    }

    public static void text(List<Rule> rules, PrintWriter out) {
        for (Rule r : rules) {
            out.println(r.id());
            out.println("  level:      " + r.level().label() + " " + r.severity().label()
                    + (r.statusCode() == 0 ? "" : ", " + status(r)));
            out.println("  message:    " + r.message().replace("\n", "\\n"));
            out.println("  provenance: " + r.provenance().label());
            out.println("  checked by: " + checkedBy(r));
            out.println("  trigger:    " + r.description());
            out.println("  source:     " + r.source());
            out.println();
        }
        out.flush();
    }

    public static void json(List<Rule> rules, PrintWriter out) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Rule r : rules) {
            ObjectNode node = array.addObject();
            node.put("id", r.id());
            node.put("level", r.level().label());
            node.put("severity", r.severity().label());
            if (r.statusCode() != 0) {
                node.put("statusCode", r.statusCode());
            }
            if (r.errorType() != null) {
                node.put("errorType", r.errorType());
            }
            node.put("message", r.message());
            node.put("provenance", r.provenance().label());
            node.put("checkedBy", checkedBy(r));
            if (r instanceof SchemaBound bound) {
                ArrayNode bindings = node.putArray("schemaBindings");
                bound.schemaBindings().forEach(bindings::add);
            }
            node.put("description", r.description());
            node.put("source", r.source());
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        out.flush();
    }

    private static String status(Rule r) {
        return switch (r.level()) {
            case CLIENT -> "AWS CLI exit " + r.statusCode();
            case REQUEST -> "HTTP " + r.statusCode() + " " + r.errorType();
            default -> "StatusCode " + r.statusCode();
        };
    }

    private static String checkedBy(Rule r) {
        boolean schema = r instanceof SchemaBound;
        boolean code = r instanceof io.github.pinpointevents.core.rules.RequestCheck
                || r instanceof io.github.pinpointevents.core.rules.EndpointCheck
                || r instanceof io.github.pinpointevents.core.rules.EventCheck;
        if (r.level() == io.github.pinpointevents.core.rules.Level.CLIENT) {
            return "botocore parameter validation";
        }
        return schema && code ? "schema and code" : schema ? "schema" : code ? "code" : "transport";
    }
}

package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.RequestCheck;
import io.github.pinpointevents.core.rules.RequestView;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * A member of the wrong JSON type: the service cannot deserialize the body. The schema finds the types;
 * this class finds the numbers no double can hold, which parse as Infinity.
 */
public final class TypeMismatchRule extends Rule implements SchemaBound, RequestCheck {

    public TypeMismatchRule() {
        super(error("request.type-mismatch", Level.REQUEST)
                .message("Request body could not be deserialized: a member has the wrong JSON type")
                .inferred("A JSON type mismatch fails deserialization of the whole body (metrics sent as arrays"
                        + " were not recorded, https://github.com/humanmade/aws-analytics/pull/101). The service's"
                        + " Jackson might"
                        + " coerce some scalars; we refuse them, the conservative reading. No service text is known."
                        + " A number beyond the range of a double (1e400, or an integer of more than 309 digits)"
                        + " is read by Jackson as Infinity without complaint, which no JSON answer or event stream"
                        + " can carry; what the service then does is not known, so we refuse it here too. Numbers"
                        + " that merely lose precision (a 300-digit integer is about 1e299) or underflow to zero"
                        + " (1e-400) are ordinary doubles and accepted.")
                .describe("A string where a number belongs, a list where a map belongs, a fraction or an out-of-range"
                        + " number for Session.Duration (a 32-bit integer), null inside a map or list, a number"
                        + " beyond the range of a double (such as 1e400) anywhere, and so on."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("type", "/$defs/Session/properties/Duration/maximum");
    }

    @Override
    public void check(RequestView request, Findings findings) {
        if (anyOverflows(request.body())) { // the pointers are spelt out only for a request that needs them
            overflows(request.body(), "", findings);
        }
    }

    private static boolean anyOverflows(JsonNode node) {
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (anyOverflows(child)) {
                    return true;
                }
            }
            return false;
        }
        return overflows(node);
    }

    /** True for a number node whose value no double can hold. */
    public static boolean overflows(JsonNode node) {
        return node.isNumber() && !Double.isFinite(Json.toDouble(node));
    }

    private void overflows(JsonNode node, String pointer, Findings findings) {
        if (overflows(node)) {
            findings.report(this, pointer, "a number beyond the range of a double (about 1.8e308), read as "
                    + (Json.toDouble(node) > 0 ? "Infinity" : "-Infinity"));
        } else if (node.isObject()) {
            for (Entry<String, JsonNode> p : node.properties()) {
                overflows(p.getValue(), pointer + "/" + Json.escapePointer(p.getKey()), findings);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                overflows(node.get(i), pointer + "/" + i, findings);
            }
        }
    }
}

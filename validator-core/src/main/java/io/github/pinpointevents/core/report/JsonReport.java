package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Violation;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The whole run as one JSON document: a summary, then each request's decision and findings. */
public final class JsonReport {

    public void write(List<RequestResult> results, PrintWriter out) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        Summary s = Summary.of(results);
        root.putObject("summary").put("files", s.files()).put("requests", s.requests()).put("passed", s.passed())
                .put("failed", s.failed()).put("warnings", s.warnings());
        ArrayNode requests = root.putArray("requests");
        for (RequestResult r : results) {
            ObjectNode node = requests.addObject();
            node.put("file", r.source());
            if (r.line() > 0) {
                node.put("line", r.line());
            }
            node.put("kind", r.kind().name());
            node.put("passed", r.passed());
            if (r.expectedFile() != null) {
                node.put("expectedFile", r.expectedFile());
                node.put("mismatch", r.mismatch());
            }
            node.set("decision", r.decision().toJson());
            findings(node.putArray("violations"), r.decision().violations());
            findings(node.putArray("parameterValidation"), r.parameterFindings());
            findings(node.putArray("warnings"), r.decision().warnings());
        }
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.flush();
    }

    private static void findings(ArrayNode array, List<Violation> violations) {
        for (Violation v : violations) {
            ObjectNode node = array.addObject();
            node.put("ruleId", v.rule().id());
            node.put("level", v.rule().level().label());
            node.put("severity", v.rule().severity().label());
            node.put("provenance", v.rule().provenance().label());
            node.put("message", v.message());
            node.put("pointer", v.pointer());
            node.put("line", v.line());
            node.put("column", v.column());
            if (v.endpointId() != null) {
                node.put("endpointId", v.endpointId());
            }
            if (v.eventId() != null) {
                node.put("eventId", v.eventId());
            }
            if (v.detail() != null) {
                node.put("detail", v.detail());
            }
        }
    }
}

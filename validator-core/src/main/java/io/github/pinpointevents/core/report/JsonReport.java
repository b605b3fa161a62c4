package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Finding;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole run as one JSON document: each request's decision and findings, then a summary. The summary
 * comes last so that the requests can be written as they are decided.
 */
public final class JsonReport {

    public void write(List<RequestResult> results, PrintWriter out) {
        open(out).writeAll(results);
    }

    public ReportWriter open(PrintWriter out) {
        JsonGenerator json = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out);
        json.writeStartObject();
        json.writeName("requests");
        json.writeStartArray();
        Summary.Tally tally = new Summary.Tally();
        return new ReportWriter() {
            @Override
            public void add(RequestResult result) {
                tally.add(result);
                json.writeTree(request(result));
            }

            @Override
            public void finish() {
                json.writeEndArray();
                Summary s = tally.summary();
                json.writeName("summary");
                json.writeTree(Json.MAPPER.createObjectNode().put("files", s.files()).put("requests", s.requests())
                        .put("passed", s.passed()).put("failed", s.failed()).put("warnings", s.warnings()));
                json.writeEndObject();
                json.flush(); // not closed: that would close the writer, which may be standard output
                out.println();
                out.flush();
            }
        };
    }

    private static ObjectNode request(RequestResult r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
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
        findings(node.putArray("violations"), r.decision().errors());
        findings(node.putArray("parameterValidation"), r.parameterFindings());
        findings(node.putArray("warnings"), r.decision().warnings());
        if (r.decision().unlisted() > 0) { // absent when every finding is listed, as it was before the cap
            node.put("unlistedFindings", r.decision().unlisted());
        }
        return node;
    }

    private static void findings(ArrayNode array, List<Finding> violations) {
        for (Finding v : violations) {
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

package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.Version;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0, for code scanning: one run, the whole rule catalogue as rule metadata, and one result per
 * finding of a failing request and per warning, located by file, line and column. Findings behind a refusal
 * that an expected sibling expects are not results; a decision that differs from its expected sibling is
 * reported under {@link #MISMATCH_RULE}.
 */
public final class SarifReport {

    /** The rule id of a decision that differs from its expected file. */
    public static final String MISMATCH_RULE = "fixture.expected-mismatch";

    public void write(List<RequestResult> results, PrintWriter out) {
        open(out).writeAll(results);
    }

    /** Writes the tool and its rules at once, then each request's results as it arrives. */
    public ReportWriter open(PrintWriter out) {
        List<Rule> rules = RuleCatalogue.get().rules();
        Map<String, Integer> index = new HashMap<>();
        ObjectNode tool = Json.MAPPER.createObjectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", "pinpoint-events");
        driver.put("semanticVersion", Version.get());
        ArrayNode ruleArray = driver.putArray("rules");
        for (Rule rule : rules) {
            index.put(rule.id(), ruleArray.size());
            ObjectNode r = ruleArray.addObject();
            r.put("id", rule.id());
            r.putObject("shortDescription").put("text", rule.message());
            r.putObject("fullDescription").put("text", rule.description());
            r.putObject("help").put("text", rule.source());
            r.putObject("defaultConfiguration").put("level", level(rule));
            r.putObject("properties").put("level", rule.level().label()).put("provenance",
                    rule.provenance().label());
        }
        index.put(MISMATCH_RULE, ruleArray.size());
        ObjectNode mismatch = ruleArray.addObject();
        mismatch.put("id", MISMATCH_RULE);
        mismatch.putObject("shortDescription").put("text", "The decision differs from the expected file");
        mismatch.putObject("fullDescription").put("text", "A fixture with a NAME.expected.json sibling passes only"
                + " when the service's decision (and the AWS CLI's refusal, when given) equals it exactly.");
        mismatch.putObject("defaultConfiguration").put("level", "error");

        JsonGenerator json = Json.MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out);
        json.writeStartObject();
        json.writeStringProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.writeStringProperty("version", "2.1.0");
        json.writeName("runs");
        json.writeStartArray();
        json.writeStartObject();
        json.writeName("tool");
        json.writeTree(tool);
        json.writeName("results");
        json.writeStartArray();
        return new ReportWriter() {
            @Override
            public void add(RequestResult r) {
                ArrayNode results = Json.MAPPER.createArrayNode();
                if (!r.passed() && r.mismatch() != null) {
                    ObjectNode result = result(results, MISMATCH_RULE, index, "error",
                            "Differs from " + r.expectedFile() + ": " + r.mismatch());
                    location(result, r, null);
                } else if (!r.passed()) {
                    r.decision().errors().forEach(v -> finding(results, index, r, v));
                    r.parameterFindings().forEach(v -> finding(results, index, r, v));
                }
                if (r.expectedFile() == null) {
                    r.decision().warnings().forEach(v -> finding(results, index, r, v));
                }
                results.forEach(json::writeTree);
            }

            @Override
            public void finish() {
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
                json.flush(); // not closed: that would close the writer, which may be standard output
                out.println();
                out.flush();
            }
        };
    }

    private static void finding(ArrayNode results, Map<String, Integer> index, RequestResult r, Finding v) {
        ObjectNode result = result(results, v.rule().id(), index, level(v.rule()),
                v.message().lines().findFirst().orElse(""));
        location(result, r, v);
        ObjectNode properties = result.putObject("properties");
        properties.put("pointer", v.pointer());
        if (v.endpointId() != null) {
            properties.put("endpointId", v.endpointId());
        }
        if (v.eventId() != null) {
            properties.put("eventId", v.eventId());
        }
    }

    private static ObjectNode result(ArrayNode results, String ruleId, Map<String, Integer> index, String level,
            String message) {
        ObjectNode result = results.addObject();
        result.put("ruleId", ruleId);
        result.put("ruleIndex", index.get(ruleId));
        result.put("level", level);
        result.putObject("message").put("text", message);
        return result;
    }

    private static void location(ObjectNode result, RequestResult r, Finding v) {
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(r.source()));
        int line = v != null && v.line() > 0 ? v.line() : r.line();
        if (line > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", line);
            if (v != null && v.column() > 0) {
                region.put("startColumn", v.column());
            }
        }
    }

    /** A relative path stays relative (with forward slashes); an absolute one becomes a file: URI. */
    static String uri(String source) {
        Path path = Path.of(source);
        return path.isAbsolute() ? path.toUri().toString() : source.replace('\\', '/');
    }

    private static String level(Rule rule) {
        return rule.severity() == Severity.WARNING ? "warning" : "error";
    }
}

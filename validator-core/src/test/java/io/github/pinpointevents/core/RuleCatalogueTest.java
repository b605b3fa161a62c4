package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.decision.SchemaEngine;
import io.github.pinpointevents.core.internal.ShapeModel;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Provenance;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.SchemaBound;
import io.github.pinpointevents.core.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RuleCatalogueTest {

    private final List<Rule> rules = RuleCatalogue.get().rules();
    private final SchemaEngine schema = new SchemaEngine(RuleCatalogue.get());

    /** The service's (and botocore's) own words, as they were seen (each rule's sources say where). Nothing else is "observed". */
    private static final Map<String, String> OBSERVED = new TreeMap<>(Map.of(
            "event.event-type-blank", "Event type cannot be null, empty or blank",
            "event.attribute-count", "Number of attributes per event submitted should be less than 40.",
            "event.attribute-key-length", "Event attribute key length should be less than 50.",
            "event.attribute-value-length", "Event attribute value length should be less than 200",
            "event.session-duration-missing", "Session start and stop timestamp's exist but duration is null",
            "event.session-duration-mismatch",
            "Session duration in milliseconds must be equal to the difference of start and stop timestamp",
            "endpoint.user-endpoint-limit", "Exceeded maximum endpoint per user count:15",
            "client.missing-required", "Missing required parameter in {path}: \"{member}\"",
            "client.invalid-type",
            "Invalid type for parameter {path}, value: {value}, type: {type}, valid types: {types}",
            "client.unknown-parameter", "Unknown parameter in {path}: \"{member}\", must be one of: {members}"));

    @Test
    void onlyMessagesSeenInPublicAreLabelledObservedAndTheyAreVerbatim() {
        Map<String, String> observed = new TreeMap<>();
        rules.stream().filter(r -> r.provenance() == Provenance.OBSERVED).forEach(r -> observed.put(r.id(),
                r.message()));
        assertEquals(OBSERVED, observed);
    }

    @Test
    void everyRuleIsCompleteAndConsistent() {
        assertEquals(rules.size(), rules.stream().map(Rule::id).distinct().count(), "ids are unique");
        for (Rule r : rules) {
            String prefix = r.severity() == Severity.WARNING ? "warn" : r.level().label();
            assertTrue(r.id().matches(prefix + "\\.[a-z0-9]+(-[a-z0-9]+)*"), r.id() + " is named after its level");
            assertFalse(r.message().isBlank(), r.id());
            assertTrue(r.source().length() > 20, r.id() + " says where it comes from");
            assertTrue(r.description().length() > 10, r.id() + " says what triggers it");
            if (r.severity() == Severity.WARNING) {
                assertEquals(0, r.statusCode(), r.id());
                assertTrue(r.level() == Level.ENDPOINT || r.level() == Level.EVENT, r.id());
            } else if (r.level() == Level.REQUEST) {
                assertTrue(Set.of("BadRequestException", "PayloadTooLargeException").contains(r.errorType()), r.id());
                assertTrue(r.statusCode() == 400 || r.statusCode() == 413, r.id());
            } else if (r.level() == Level.CLIENT) {
                assertEquals(252, r.statusCode(), r.id() + ": the AWS CLI v2 exit code");
            } else {
                assertEquals(400, r.statusCode(), r.id());
            }
        }
    }

    @Test
    void everySchemaConstraintBelongsToExactlyOneRule() {
        JsonNode root = ShapeModel.get().document(ShapeModel.EVENTS_REQUEST);
        Map<String, String> constraints = new LinkedHashMap<>();
        collect(root, "", constraints);
        assertTrue(constraints.size() > 25, "found " + constraints.keySet());
        List<String> unbound = new ArrayList<>();
        constraints.forEach((key, keyword) -> {
            if (schema.boundRule(key) == null && schema.boundRule(keyword) == null) {
                unbound.add(key);
            }
        });
        assertEquals(List.of(), unbound, "schema constraints without a rule");
    }

    @Test
    void everyBindingNamesAConstraintThatExists() {
        JsonNode root = ShapeModel.get().document(ShapeModel.EVENTS_REQUEST);
        Map<String, String> constraints = new LinkedHashMap<>();
        collect(root, "", constraints);
        for (SchemaBound bound : RuleCatalogue.get().rulesOf(SchemaBound.class)) {
            for (String key : bound.schemaBindings()) {
                assertTrue(constraints.containsKey(key) || constraints.containsValue(key),
                        bound + " binds " + key + ", which the schema does not have");
            }
        }
    }

    @Test
    void schemaBoundRulesAreFoundByTheirBindings() {
        for (SchemaBound bound : RuleCatalogue.get().rulesOf(SchemaBound.class)) {
            for (String key : bound.schemaBindings()) {
                assertNotNull(schema.boundRule(key));
                assertEquals(bound, schema.boundRule(key));
            }
        }
    }

    @Test
    void theRulesPageListsEveryRuleWithItsMessage() throws Exception {
        String whole = java.nio.file.Files.readString(TestPaths.repoRoot().resolve("docs/rules.md"));
        String header = "| id | level | answer | provenance | message |";
        assertTrue(whole.contains(header), "docs/rules.md has the rule table");
        String readme = whole.substring(whole.indexOf(header));
        for (Rule r : rules) {
            String row = "| `" + r.id() + "` |";
            assertTrue(readme.contains(row), "docs/rules.md lacks " + r.id());
            String line = readme.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            assertTrue(line.endsWith("| " + r.message().replace("|", "\\|").replace("\n", " ") + " |"),
                    "docs/rules.md's row for " + r.id() + " has an old message: " + line);
        }
    }

    private static final Set<String> CONSTRAINTS = Set.of("maxProperties", "minProperties", "maxLength", "minLength",
            "maxItems", "minItems", "enum", "pattern", "format", "minimum", "maximum", "propertyNames",
            "additionalProperties", "type");

    /** Binding key to keyword, for every constraint in the schema (additionalProperties only when false). */
    private static void collect(JsonNode node, String pointer, Map<String, String> out) {
        if (!node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String keyword = e.getKey();
            String at = pointer + "/" + keyword;
            JsonNode value = e.getValue();
            if (keyword.equals("required")) {
                value.forEach(name -> out.put(at + "/" + name.stringValue(), "required"));
            } else if (keyword.equals("dependentRequired")) {
                value.propertyNames().forEach(name -> out.put(at + "/" + name, "dependentRequired"));
            } else if (keyword.equals("additionalProperties") && value.isBoolean()) {
                out.put(at, keyword);
            } else if (CONSTRAINTS.contains(keyword) && !value.isObject() || keyword.equals("propertyNames")) {
                out.put(at, keyword);
            }
            if (keyword.equals("properties") || keyword.equals("$defs")) {
                value.properties().forEach(p -> collect(p.getValue(), at + "/" + p.getKey(), out));
            } else if (value.isObject() && !keyword.equals("propertyNames")) {
                // A failing name is reported as one propertyNames error, whatever inside it failed.
                collect(value, at, out);
            }
        }
    }
}

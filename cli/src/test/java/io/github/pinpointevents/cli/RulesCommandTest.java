package io.github.pinpointevents.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code pinpoint-events rules}: the whole catalogue, in decision order, as text and as JSON. */
class RulesCommandTest {

    private static final List<Rule> RULES = RuleCatalogue.get().rules();

    @Test
    void textListsEveryRuleInOrder() {
        Cli.Result r = Cli.run("rules");

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        // Each rule is a block: its id at the start of a line, then indented fields.
        List<String> ids = r.out().lines().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
        assertEquals(RULES.stream().map(Rule::id).toList(), ids);
        assertTrue(RULES.size() >= 40, "catalogue size " + RULES.size());
        for (Rule rule : RULES) {
            String block = r.out().substring(r.out().indexOf(rule.id() + "\n"));
            assertTrue(block.contains("\n  message:    " + rule.message().replace("\n", "\\n") + "\n"), rule::id);
            assertTrue(block.contains("\n  provenance: " + rule.provenance().label() + "\n"), rule::id);
        }
    }

    @Test
    void jsonListsEveryRuleInOrderWithItsMetadata() {
        Cli.Result r = Cli.run("rules", "--format", "json");

        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        JsonNode array = Json.MAPPER.readTree(r.out());
        assertTrue(array.isArray());
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").stringValue()));
        assertEquals(RULES.stream().map(Rule::id).toList(), ids);
        for (int i = 0; i < RULES.size(); i++) {
            Rule rule = RULES.get(i);
            JsonNode n = array.get(i);
            for (String field : List.of("id", "level", "severity", "message", "provenance", "source")) {
                assertTrue(n.hasNonNull(field) && n.get(field).isString(), rule.id() + " lacks " + field);
            }
            assertEquals(rule.level().label(), n.get("level").stringValue(), rule::id);
            assertEquals(rule.severity().label(), n.get("severity").stringValue(), rule::id);
            assertEquals(rule.message(), n.get("message").stringValue(), rule::id);
            assertEquals(rule.provenance().label(), n.get("provenance").stringValue(), rule::id);
            assertEquals(rule.source(), n.get("source").stringValue(), rule::id);
            assertFalse(n.get("source").stringValue().isBlank(), rule::id);
        }
    }

    @Test
    void badFormatIsAUsageError() {
        Cli.Result r = Cli.run("rules", "--format", "yaml");

        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().contains("Invalid value for option '--format'"), r::toString);
    }
}

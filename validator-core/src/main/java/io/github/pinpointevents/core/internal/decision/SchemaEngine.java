package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.ShapeModel;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.github.pinpointevents.core.rules.Findings;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.SchemaBound;
import io.github.pinpointevents.core.rules.request.TypeMismatchRule;
import java.math.BigInteger;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Validates a body against {@code events-request.schema.json} with networknt and hands each schema error
 * to the rule bound to its schema location. Schemas load from the classpath only: the registry maps our
 * {@code $id} prefix there and refuses every other IRI (see {@link #registry()}), so a remote {@code $ref}
 * or {@code $schema} is an error, never a fetch.
 */
public final class SchemaEngine {

    public static final String ID_PREFIX = "https://pinpointevents.github.io/schemas/";

    /** Keywords whose error names a member in {@link Error#getProperty()}. */
    private static final Set<String> NAMED_MEMBER = Set.of("required", "dependentRequired", "additionalProperties",
            "propertyNames");

    /** More locations than our schema has keywords: a cache that can never grow with the body. */
    private static final int MAX_LOCATIONS = 4096;

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);

    private final Schema schema;
    private final Map<String, Rule> bindings = new HashMap<>();
    private final TypeMismatchRule typeMismatch;
    /** The fragment of each integer-typed schema's minimum: Session.Duration's, a Java int in the service. */
    private final Set<String> integerMinimums = new HashSet<>();

    public SchemaEngine(RuleCatalogue catalogue) {
        schema = registry().getSchema(SchemaLocation.of(ID_PREFIX + ShapeModel.EVENTS_REQUEST));
        schema.initializeValidators();
        typeMismatch = catalogue.rule(TypeMismatchRule.class);
        collectIntegerMinimums(ShapeModel.get().document(ShapeModel.EVENTS_REQUEST), "");
        for (Rule rule : catalogue.rules()) {
            if (rule instanceof SchemaBound bound) {
                bound.schemaBindings().forEach(key -> {
                    if (bindings.put(key, rule) != null) {
                        throw new IllegalStateException("schema binding " + key + " is claimed twice");
                    }
                });
            }
        }
    }

    /**
     * The registry every schema of ours loads through. Our {@code $id} prefix maps to the classpath; any other
     * IRI is refused with networknt's {@code InvalidSchemaException} ("Schema from '...' is not allowed to be
     * loaded.") unless it is a JSON Schema meta-schema, which networknt resolves to its own bundled copy.
     * networknt 3 fetches nothing remote by default either; the allow-list makes that a rule of ours rather
     * than a library default, and turns a remote reference into a clear error instead of a missing file.
     */
    public static SchemaRegistry registry() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(config)
                        .schemaIdResolvers(r -> r.mapPrefix(ID_PREFIX, "classpath:io/github/pinpointevents/schemas/"))
                        .schemaLoader(l -> l.allow(iri -> isLocal(iri.toString()))));
    }

    /** Our own schemas, classpath resources, and the meta-schemas networknt bundles: nothing else is loaded. */
    static boolean isLocal(String iri) {
        return iri.startsWith(ID_PREFIX) || iri.startsWith("classpath:")
                || iri.startsWith("https://json-schema.org/draft/") || iri.startsWith("http://json-schema.org/draft-");
    }

    private void collectIntegerMinimums(JsonNode schemaNode, String pointer) {
        if (schemaNode.path("type").asString("").equals("integer") && schemaNode.has("minimum")) {
            integerMinimums.add(pointer + "/minimum");
        }
        for (Map.Entry<String, JsonNode> p : schemaNode.properties()) {
            if (p.getValue().isObject()) {
                collectIntegerMinimums(p.getValue(), pointer + "/" + Json.escapePointer(p.getKey()));
            }
        }
    }

    /** The rule bound to a binding key, or null. */
    public Rule boundRule(String key) {
        return bindings.get(key);
    }

    /** True when the body satisfies the schema: no rule bound to it fires. */
    public boolean conforms(JsonNode body) {
        return schema.validate(IntegerMembers.exact(body, ShapeModel.get().eventsRequest())).isEmpty();
    }

    /**
     * Reports each schema error to its rule as networknt finds it. networknt keeps every error in a list; ours
     * forwards and forgets them, so a body of 300,000 misplaced numbers costs time, not heap.
     */
    public void validate(JsonNode body, Findings findings) {
        // The rule of each schema location, found once per location: a body can hold millions of errors.
        Map<SchemaLocation, Rule> located = new IdentityHashMap<>();
        JsonNode comparable = IntegerMembers.exact(body, ShapeModel.get().eventsRequest());
        schema.validate(comparable, context -> context.setErrors(new ForwardingList(
                error -> report(error, findings, located))));
    }

    private void report(Error error, Findings findings, Map<SchemaLocation, Rule> located) {
        String keyword = error.getKeyword();
        if (keyword.equals("type") && error.getInstanceNode() != null
                && TypeMismatchRule.overflows(error.getInstanceNode())) {
            return; // networknt calls Infinity "unknown"; TypeMismatchRule reports it with a clear detail
        }
        if (keyword.equals("minimum") && belowInt(error.getInstanceNode())
                && integerMinimums.contains(fragment(error.getSchemaLocation()))) {
            // The service's Jackson cannot read it into an int, so the body is not deserialized at all; the
            // schema's maximum (2147483647) is bound to the type mismatch for the same reason.
            report(typeMismatch, error.getInstanceLocation(), findings,
                    "must have a minimum value of " + Integer.MIN_VALUE + ", the least 32-bit integer");
            return;
        }
        String property = error.getProperty();
        boolean byMember = property != null && (keyword.equals("required") || keyword.equals("dependentRequired"));
        Rule rule = byMember ? null : located.get(error.getSchemaLocation());
        if (rule == null) {
            String fragment = fragment(error.getSchemaLocation());
            String key = byMember ? fragment + "/" + property : fragment;
            rule = bindings.containsKey(key) ? bindings.get(key) : bindings.get(keyword);
            if (rule == null) {
                throw new IllegalStateException("schema error at " + key + " is bound to no rule");
            }
            if (!byMember && located.size() < MAX_LOCATIONS) {
                located.put(error.getSchemaLocation(), rule);
            }
        }
        if (findings instanceof CountingFindings counting && counting.onlyCounts(rule)) {
            counting.count(rule, error.getInstanceLocation());
            return;
        }
        String pointer = error.getInstanceLocation().toString();
        if (property != null && NAMED_MEMBER.contains(keyword)) {
            pointer = pointer + "/" + Json.escapePointer(property);
        }
        findings.report(rule, pointer, keyword.equals("pattern") || keyword.equals("format")
                ? "got " + abbreviate(Json.MAPPER.writeValueAsString(error.getInstanceNode()))
                : error.getMessage());
    }

    private static void report(Rule rule, NodePath at, Findings findings, String detail) {
        if (findings instanceof CountingFindings counting && counting.onlyCounts(rule)) {
            counting.count(rule, at);
        } else {
            findings.report(rule, at.toString(), detail);
        }
    }

    /** A number below the least int, as networknt saw it (beyond a long's range, an exact BigInteger). */
    private static boolean belowInt(JsonNode node) {
        return node != null && node.isNumber() && (node.isIntegralNumber()
                ? node.bigIntegerValue().compareTo(INT_MIN) < 0 : Json.toDouble(node) < Integer.MIN_VALUE);
    }

    /**
     * The error list networknt appends to: each error goes to a consumer and is not kept. networknt reads
     * only its size during validation (to tell whether a subschema added errors); our schema has no
     * applicator (anyOf, oneOf, not, if) that would read errors back, and reading one fails loudly.
     */
    private static final class ForwardingList extends AbstractList<Error> {
        private final Consumer<Error> sink;
        private int size;

        ForwardingList(Consumer<Error> sink) {
            this.sink = sink;
        }

        @Override
        public void add(int index, Error error) {
            sink.accept(error);
            size++;
        }

        @Override
        public Error get(int index) {
            throw new UnsupportedOperationException("schema errors are forwarded, not kept");
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    static String fragment(SchemaLocation location) {
        String text = location.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? "" : text.substring(hash + 1);
    }
}

package io.github.pinpointevents.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.InputSource;
import io.github.pinpointevents.core.PutEventsValidator;
import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.internal.PythonJson;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invalid mode: the generator's expectation (derived from the mutation it applied) and the validator's decision
 * are two independent derivations of the service's answer; they must agree on every generated request, over many
 * seeds, for the body as an SDK sends it and as the AWS CLI sends it. Where the generator predicts the AWS CLI's
 * parameter validation, botocore's lines must agree too.
 */
class MutationAgreementTest {

    private static final PutEventsValidator VALIDATOR =
            PutEventsValidator.create(ValidatorConfig.builder().warnings(false).build());

    @Test
    void validatorAgreesWithEveryExpectationOverManySeeds() {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long seeds = Long.getLong("generate.agreementSeeds", 30);
        for (long seed = 1; seed <= seeds; seed++) {
            // Raw bodies (malformed JSON possible), mixed endpoint counts, every request mutated half the time.
            GeneratorConfig config = GeneratorConfig.builder().seed(seed * 7919).count(100)
                    .invalidRate(seed % 3 == 0 ? 1.0 : 0.5).endpointsPerRequest(1 + (int) (seed % 4))
                    .format(OutputFormat.REQUESTS).output(java.nio.file.Path.of("unused")).build();
            check(config, seen, failures);
        }
        assertTrue(failures.isEmpty(), failures.size() + " disagreements, first: "
                + failures.stream().limit(5).toList());
        assertEquals(Mutations.ruleIds(), new TreeSet<>(seen.keySet()), "every mutation was exercised");
    }

    @Test
    void everyRuleThatCanRefuseAnItemOrARequestHasAMutation() {
        // request.too-many-containers has none: its body (200,000 objects and arrays) is one validate judges
        // without the AWS CLI's check, so a generated expected file could not say what the CLI answers.
        // FindingBombTest covers it.
        Set<String> refusing = RuleCatalogue.get().rules().stream()
                .filter(r -> r.severity() == Severity.ERROR && r.level() != Level.CLIENT)
                .filter(r -> !r.id().equals("request.too-many-containers"))
                .map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(refusing, Mutations.ruleIds());
    }

    @Test
    void aMutationCanBeChosenByRuleId() {
        GeneratorConfig config = GeneratorConfig.builder().seed(3).count(40).invalidRate(1)
                .mutations(Set.of("event.session-duration-mismatch")).output(java.nio.file.Path.of("unused")).build();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        check(config, seen, failures);
        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals(Map.of("event.session-duration-mismatch", 40), seen);
    }

    private static void check(GeneratorConfig config, Map<String, Integer> seen, ConcurrentLinkedQueue<String> failures) {
        RequestGenerator generator = RequestGenerator.create(config);
        LongStream.range(0, config.count()).parallel().forEach(i -> {
            GeneratedRequest r = generator.generate(i);
            String where = "seed " + config.seed() + " request " + i + " (" + r.mutation() + ")";
            if (r.mutation() != null) {
                seen.merge(r.mutation(), 1, Integer::sum);
            }
            ObjectNode expected = r.expected().toJson();
            expected.remove("ParameterValidation");
            String want = Json.MAPPER.writeValueAsString(expected);
            // The body as an SDK sends it (compact, or the malformed bytes) ...
            Decision decided = VALIDATOR.decide(r.body());
            compare(where + " SDK body", want, decided, failures);
            // ... each mutation caught by its own rule ...
            if (r.mutation() != null
                    && decided.errors().stream().noneMatch(v -> v.rule().id().equals(r.mutation()))) {
                failures.add(where + ": not caught by its own rule; found "
                        + decided.errors().stream().map(v -> v.rule().id()).toList());
            }
            if (r.eventsRequest() == null) {
                return;
            }
            // ... and as the AWS CLI sends it (json.dumps of the parsed document).
            compare(where + " AWS CLI body", want, VALIDATOR.decide(PythonJson.dumps(r.eventsRequest())), failures);
            List<String> lines = VALIDATOR.checkParameters(r.cliInput(), InputSource.CLI_INPUT_JSON).stream()
                    .map(v -> v.message()).toList();
            if (!lines.equals(r.expected().parameterValidation())) {
                failures.add(where + ": AWS CLI lines expected " + r.expected().parameterValidation() + ", got "
                        + lines);
            }
        });
    }

    private static void compare(String where, String want, Decision decision, ConcurrentLinkedQueue<String> failures) {
        String got = Json.MAPPER.writeValueAsString(decision.toJson());
        if (!want.equals(got)) {
            failures.add(where + ": expected " + abbreviate(want) + "\n decided " + abbreviate(got));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}

package io.github.pinpointevents.core.internal.decision;

import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.result.Decision;
import io.github.pinpointevents.core.result.Finding;
import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.catalogue.RuleCatalogue;
import io.github.pinpointevents.core.rules.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of one decision, held in bounded memory whatever the body: each rule keeps its first
 * {@link Decision#MAX_LISTED} findings and counts the rest. What the answer needs is still exact: the
 * best-ranked request-level rule that fired, and each endpoint's and event's best-ranked refusing rule
 * (one entry per refused item, which the answer lists anyway).
 */
final class BoundedFindings implements CountingFindings {

    private final RuleCatalogue catalogue;
    private final Map<Rule, List<Finding>> kept = new HashMap<>();
    /** The pointer each rule last reported: a timestamp fails the schema's format and its pattern together. */
    private final Map<Rule, String> lastPointer = new HashMap<>();
    /** The location each rule last {@linkplain #count counted}, for the same reason. */
    private final Map<Rule, Object> lastLocation = new HashMap<>();
    private final Map<String, Rule> endpointRefusals = new HashMap<>();
    private final Map<String, Map<String, Rule>> eventRefusals = new HashMap<>();
    private Rule requestRefusal;
    private boolean refusedAsAWhole;
    private long unlisted;

    BoundedFindings(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Tells it ahead that the request will be refused as a whole, whatever the items hold. */
    void refusedAsAWhole(boolean refused) {
        refusedAsAWhole = refused;
    }

    @Override
    public void report(Rule rule, String pointer, String detail) {
        if (onlyCounts(rule)) {
            if (!pointer.equals(lastPointer.put(rule, pointer))) {
                unlisted++;
            }
            return;
        }
        add(finding(rule, pointer, detail));
    }

    /**
     * True once the rule has listed {@link Decision#MAX_LISTED} findings and another cannot change the answer:
     * a warning, a request-level rule (already counted as the request's refusal), or anything once the request
     * is refused as a whole (no item answer is given then).
     */
    @Override
    public boolean onlyCounts(Rule rule) {
        List<Finding> mine = kept.get(rule);
        return mine != null && mine.size() >= Decision.MAX_LISTED
                && (rule.severity() != Severity.ERROR || rule.level() == Level.REQUEST || requestRefusal != null
                        || refusedAsAWhole);
    }

    @Override
    public void count(Rule rule, Object location) {
        Object last = lastLocation.put(rule, location);
        boolean repeat = last == null ? location.toString().equals(lastPointer.get(rule)) : location.equals(last);
        if (!repeat) {
            unlisted++;
        }
    }

    private void add(Finding f) {
        Rule rule = f.rule();
        if (f.pointer().equals(lastPointer.put(rule, f.pointer()))) {
            return;
        }
        List<Finding> mine = kept.computeIfAbsent(rule, r -> new ArrayList<>());
        if (mine.size() < Decision.MAX_LISTED) {
            if (mine.stream().noneMatch(k -> k.pointer().equals(f.pointer()))) {
                mine.add(f);
            }
        } else {
            unlisted++;
        }
        if (rule.severity() != Severity.ERROR) {
            return;
        }
        if (rule.level() == Level.REQUEST) {
            requestRefusal = better(requestRefusal, rule);
        } else if (f.endpointId() != null && rule.level() == Level.ENDPOINT) {
            endpointRefusals.merge(f.endpointId(), rule, this::better);
        } else if (f.endpointId() != null && f.eventId() != null && rule.level() == Level.EVENT) {
            eventRefusals.computeIfAbsent(f.endpointId(), k -> new HashMap<>()).merge(f.eventId(), rule, this::better);
        }
    }

    private Rule better(Rule a, Rule b) {
        return a == null || catalogue.rank(b) < catalogue.rank(a) ? b : a;
    }

    /** The best-ranked request-level rule that fired, or null. */
    Rule requestRefusal() {
        return requestRefusal;
    }

    /** The rule that refuses an endpoint, or null. */
    Rule endpointRefusal(String endpointId) {
        return endpointRefusals.get(endpointId);
    }

    /** The rules that refuse an endpoint's events, by event id (empty when none). */
    Map<String, Rule> eventRefusals(String endpointId) {
        return eventRefusals.getOrDefault(endpointId, Map.of());
    }

    /**
     * The listed findings of one severity, in decision order: the first of every rule that fired, then the
     * rest in decision order up to {@link Decision#MAX_LISTED} in all. Those left out are counted.
     */
    List<Finding> listed(Severity severity) {
        List<List<Finding>> byRank = kept.entrySet().stream().filter(e -> e.getKey().severity() == severity)
                .sorted(Comparator.comparingInt(e -> catalogue.rank(e.getKey()))).map(Map.Entry::getValue).toList();
        int budget = Math.max(0, Decision.MAX_LISTED - byRank.size());
        List<Finding> listed = new ArrayList<>();
        for (List<Finding> found : byRank) {
            int take = 1 + Math.min(budget, found.size() - 1);
            budget -= take - 1;
            listed.addAll(found.subList(0, take));
            unlisted += found.size() - take;
        }
        return listed;
    }

    long unlisted() {
        return unlisted;
    }

    private static Finding finding(Rule rule, String pointer, String detail) {
        String[] tokens = Json.tokens(pointer);
        String endpointId = tokens.length > 1 && tokens[0].equals("BatchItem") ? tokens[1] : null;
        String eventId = tokens.length > 3 && tokens[2].equals("Events") ? tokens[3] : null;
        return new Finding(rule, rule.message(), pointer, endpointId, eventId, detail, 0, 0);
    }
}

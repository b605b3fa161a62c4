package io.github.pinpointevents.core.rules;

/** Where code rules report what they find. */
@FunctionalInterface
public interface Findings {

    /**
     * @param rule the rule that fired
     * @param pointer JSON Pointer, within the request body, of the offending value
     * @param detail what exactly was found, for diagnostics (never part of the service's message)
     */
    void report(Rule rule, String pointer, String detail);
}

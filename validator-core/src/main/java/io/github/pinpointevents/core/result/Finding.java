package io.github.pinpointevents.core.result;

import io.github.pinpointevents.core.rules.Rule;

/**
 * One finding: the rule, the message as answered, where it is, and what exactly was found.
 *
 * @param pointer JSON Pointer of the offending value within the checked document ("" is the root)
 * @param endpointId the endpoint (BatchItem key) it belongs to, or null
 * @param eventId the event (Events key) it belongs to, or null
 * @param detail what was found, for people; not part of any service answer
 * @param line 1-based line of the value in the checked bytes, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Finding(Rule rule, String message, String pointer, String endpointId, String eventId,
        String detail, int line, int column) {

    public Finding at(String newPointer, int newLine, int newColumn) {
        return new Finding(rule, message, newPointer, endpointId, eventId, detail, newLine, newColumn);
    }
}

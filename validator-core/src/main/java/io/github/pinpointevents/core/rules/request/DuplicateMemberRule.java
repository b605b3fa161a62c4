package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** An object that names the same member twice. Found by the parser (strict duplicate detection). */
public final class DuplicateMemberRule extends Rule {

    public DuplicateMemberRule() {
        super(error("request.duplicate-member", Level.REQUEST)
                .message("Request body must not name the same member twice in one object")
                .inferred("RFC 8259 4 (https://www.rfc-editor.org/rfc/rfc8259#section-4): names within an object"
                        + " SHOULD be unique, and with duplicates the behaviour of software is unpredictable. A"
                        + " Jackson parser keeps the last value by default, a strict one refuses the body, and"
                        + " which the service runs is not known; we refuse, the conservative reading (the two"
                        + " values of a fixture's member disagree, and the one the service keeps may not be the"
                        + " one the author meant). No client sends duplicates: the AWS CLI parses its parameters"
                        + " with Python's json module (the last value wins) and sends the re-serialized object,"
                        + " and the AWS SDKs and Amplify serialize objects, so only hand-made bodies carry them;"
                        + " `put-events` and the AWS CLI findings of `validate` read parameters as the AWS CLI"
                        + " does. Our wording; no service text is known.")
                .describe("An object in the body, at any depth, holds two members with the same name (compared"
                        + " after unescaping, so \"a\" and \"\\u0061\" are the same name)."));
    }
}

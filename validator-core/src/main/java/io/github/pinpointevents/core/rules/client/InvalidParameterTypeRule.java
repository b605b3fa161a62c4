package io.github.pinpointevents.core.rules.client;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** botocore: a value of the wrong Python type. */
public final class InvalidParameterTypeRule extends Rule {

    public InvalidParameterTypeRule() {
        super(error("client.invalid-type", Level.CLIENT)
                .status(252, null)
                .message("Invalid type for parameter {path}, value: {value}, type: {type}, valid types: {types}")
                .observed("botocore validate.py"
                        + " (https://github.com/boto/botocore/blob/develop/botocore/validate.py; 1.43.11 ran"
                        + " here), run against these requests. Python semantics: a boolean passes as an int and"
                        + " as a float, an int passes as a float, 1.0 is not an int.")
                .describe("The AWS CLI refuses a value whose JSON type does not fit the model: a string for a double,"
                        + " a fraction for Session.Duration, a list for a map, null anywhere, and so on."));
    }

    public String render(String path, String value, String type, String validTypes) {
        return "Invalid type for parameter " + path + ", value: " + value + ", type: " + type + ", valid types: "
                + validTypes;
    }
}

package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A body that is not well-formed UTF-8 JSON. The parser's own words become the message. */
public final class MalformedJsonRule extends Rule {

    public MalformedJsonRule() {
        super(error("request.malformed-json", Level.REQUEST)
                .message("{the JSON parser's message, with the location and up to 500 characters of the body}")
                .inferred("The service answers parse failures with Jackson's parser text in a BadRequestException,"
                        + " as seen on CreateImportJob (aws-sdk-ruby #2962); not seen on PutEvents. The text is our"
                        + " parser's (Jackson 3), so it can differ in detail from the service's.")
                .describe("The body is not valid UTF-8 JSON: a syntax error, a truncated document, trailing content"
                        + " or an invalid byte sequence."));
    }

}

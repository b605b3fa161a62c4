package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A body that is not well-formed UTF-8 JSON. The parser's own words become the message. */
public final class MalformedJsonRule extends Rule {

    public MalformedJsonRule() {
        super(error("request.malformed-json", Level.REQUEST)
                .message("{parser message}\n at [Source: (String)\"{body}\"; line: {line}, column: {column}]")
                .inferred("The service answers parse failures with Jackson's parser text in a BadRequestException,"
                        + " as seen on CreateImportJob (aws-sdk-ruby #2962); not seen on PutEvents. The text is our"
                        + " parser's (Jackson 3), in Jackson 2's layout.")
                .describe("The body is not valid UTF-8 JSON: a syntax error, a truncated document, trailing content"
                        + " or an invalid byte sequence."));
    }

    /** The message in Jackson 2's layout, quoting at most 500 characters of the body. */
    public String render(String parserMessage, String body, int line, int column) {
        String quoted = body.length() > 500 ? body.substring(0, 500) + "\"[truncated " + (body.length() - 500)
                + " chars]" : body + "\"";
        return parserMessage + "\n at [Source: (String)\"" + quoted + "; line: " + line + ", column: " + column + "]";
    }
}

package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A UTF-8 body that is not well-formed JSON. The parser's own words become the message. */
public final class MalformedJsonRule extends Rule {

    public MalformedJsonRule() {
        super(error("request.malformed-json", Level.REQUEST)
                .message("{the JSON parser's message, with the location and up to 500 characters of the body}")
                .inferred("The service answers parse failures with Jackson's parser text in a"
                        + " BadRequestException, as seen on CreateImportJob"
                        + " (https://github.com/aws/aws-sdk-ruby/issues/2962); not seen on PutEvents. The text"
                        + " is our parser's (Jackson 3), so it can differ in detail from the service's. NaN,"
                        + " Infinity and -Infinity are not JSON (RFC 8259 6,"
                        + " https://www.rfc-editor.org/rfc/rfc8259#section-6) and Jackson refuses them unless"
                        + " told otherwise, so the service does too; the AWS CLI reads them (Python's json"
                        + " module) and sends them as they are, so put-events answers with this refusal rather"
                        + " than the CLI's parameter error.")
                .describe("The body is not well-formed JSON (RFC 8259): a syntax error, a truncated document,"
                        + " trailing content, a comment, a trailing comma, NaN or Infinity, or a document beyond the"
                        + " parser's limits (nesting deeper than 500, a number longer than 1,000 characters, a"
                        + " member name longer than 50,000)."));
    }

}

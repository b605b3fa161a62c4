package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;

/** A body that is not UTF-8, or starts with a byte order mark. Checked on the raw bytes, before parsing. */
public final class NotUtf8Rule extends Rule {

    public NotUtf8Rule() {
        super(error("request.not-utf8", Level.REQUEST)
                .message("Request body must be UTF-8 JSON without a byte order mark")
                .inferred("The service model's protocol is rest-json"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json), whose bodies are UTF-8 (RFC 8259"
                        + " 8.1, https://www.rfc-editor.org/rfc/rfc8259#section-8.1: JSON exchanged between"
                        + " systems MUST be UTF-8, and a byte order mark MUST NOT be added). What the service"
                        + " does otherwise is not known: a Jackson parser on raw bytes would skip a UTF-8 byte"
                        + " order mark and detect UTF-16 and UTF-32 by itself and accept them, while a strict"
                        + " decoder or API Gateway would refuse them, and a lenient decoder would replace"
                        + " invalid bytes. We refuse all of them, the conservative reading. No client sends"
                        + " them: the AWS CLI, the AWS SDKs and Amplify serialize the request object to UTF-8"
                        + " themselves (the AWS CLI refuses a file:// parameter that is not UTF-8 or starts with"
                        + " a byte order mark), so such a body is a hand-made fixture. Our wording; no service"
                        + " text is known.")
                .describe("The body starts with a byte order mark (UTF-8, UTF-16 or UTF-32), is UTF-16 or UTF-32"
                        + " (NUL bytes among its first four), or holds a byte sequence that is not well-formed UTF-8"
                        + " (RFC 3629: overlong forms, surrogates, code points above U+10FFFF, truncated"
                        + " sequences)."));
    }
}

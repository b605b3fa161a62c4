package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A member the service model does not define. */
public final class UnknownMemberRule extends Rule implements SchemaBound {

    public UnknownMemberRule() {
        super(error("request.unknown-member", Level.REQUEST)
                .message("Request body contains a member that is not part of the EventsRequest model")
                .inferred("The service model's structures are closed"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json) and botocore refuses unknown"
                        + " members; whether the service ignores them is not known, so we refuse them (the"
                        + " conservative reading). No service text is known.")
                .describe("A structure (EventsRequest, EventsBatch, Endpoint, Demographic, Location, User, Event,"
                        + " Session) holds a member the model does not define, such as a misspelt name."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("additionalProperties");
    }
}

package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A member of the wrong JSON type: the service cannot deserialize the body. */
public final class TypeMismatchRule extends Rule implements SchemaBound {

    public TypeMismatchRule() {
        super(error("request.type-mismatch", Level.REQUEST)
                .message("Request body could not be deserialized: a member has the wrong JSON type")
                .inferred("A JSON type mismatch fails deserialization of the whole body (DESIGN step 1; metrics sent"
                        + " as arrays were not recorded, humanmade/aws-analytics #101). The service's Jackson might"
                        + " coerce some scalars; we refuse them, the conservative reading. No service text is known.")
                .describe("A string where a number belongs, a list where a map belongs, a fraction or an out-of-range"
                        + " number for Session.Duration (a 32-bit integer), null inside a map or list, and so on."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("type", "/$defs/Session/properties/Duration/maximum");
    }
}

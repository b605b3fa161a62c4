package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A BatchItem with no endpoint. */
public final class BatchItemEmptyRule extends Rule implements SchemaBound {

    public BatchItemEmptyRule() {
        super(error("request.batch-item-empty", Level.REQUEST)
                .message("BatchItem must contain at least one endpoint")
                .inferred("botocore accepts an empty BatchItem (the model sets no minimum size on the map), and"
                        + " no source shows what the service answers. A request with nothing in it is refused,"
                        + " the conservative reading.")
                .describe("BatchItem is an empty object."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/properties/BatchItem/minProperties");
    }
}

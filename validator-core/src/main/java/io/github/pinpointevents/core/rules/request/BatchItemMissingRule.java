package io.github.pinpointevents.core.rules.request;

import io.github.pinpointevents.core.rules.Level;
import io.github.pinpointevents.core.rules.Rule;
import io.github.pinpointevents.core.rules.SchemaBound;
import java.util.List;

/** A body without BatchItem. */
public final class BatchItemMissingRule extends Rule implements SchemaBound {

    public BatchItemMissingRule() {
        super(error("request.batch-item-missing", Level.REQUEST)
                .message("BatchItem is required")
                .inferred("BatchItem is required in the service model"
                        + " (https://github.com/boto/botocore/blob/cd9207757d459bba9c524475b601e59f55760a3a/"
                        + "botocore/data/pinpoint/2016-12-01/service-2.json). What the service answers without"
                        + " it is not seen; the message is ours.")
                .describe("The body has no BatchItem member (or it is null)."));
    }

    @Override
    public List<String> schemaBindings() {
        return List.of("/required/BatchItem");
    }
}

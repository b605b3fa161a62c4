package io.github.pinpointevents.core.rules;

import java.util.List;

/**
 * A rule whose limit lives in {@code schemas/events-request.schema.json}. A schema error belongs to the
 * rule that names the error's schema location: the fragment of the failing keyword, such as
 * {@code /$defs/EventAttributes/maxProperties}, followed by {@code /Name} for {@code required} and
 * {@code dependentRequired}. A binding without a slash names a keyword anywhere in the schema.
 */
public interface SchemaBound {

    List<String> schemaBindings();
}

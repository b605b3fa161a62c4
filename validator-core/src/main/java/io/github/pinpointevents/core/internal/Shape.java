package io.github.pinpointevents.core.internal;

import java.util.List;
import java.util.Map;

/**
 * The service model as botocore sees it, read from our JSON Schemas: structures (closed, ordered members),
 * maps, lists and scalars.
 */
public sealed interface Shape {

    /** A structure; members in the service model's order. */
    record Structure(Map<String, Shape> members, List<String> required) implements Shape {
    }

    record MapShape(Shape value) implements Shape {
    }

    record ListShape(Shape member) implements Shape {
    }

    /** A string restricted to an enumeration; botocore checks only that it is a string. */
    record Enumerated(List<String> values) implements Shape {
    }

    /** Scalars, with the Python types botocore accepts for them. */
    enum Scalar implements Shape {
        STRING("<class 'str'>"),
        INTEGER("<class 'int'>"),
        DOUBLE("<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");

        private final String validTypes;

        Scalar(String validTypes) {
            this.validTypes = validTypes;
        }

        public String validTypes() {
            return validTypes;
        }
    }
}

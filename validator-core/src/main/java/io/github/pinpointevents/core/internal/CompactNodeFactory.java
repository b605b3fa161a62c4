package io.github.pinpointevents.core.internal;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson's node factory with objects held in a {@link MemberMap}: every tree the core parses or builds (the
 * mapper's, the answers') takes this factory, so a 4,000,000-byte body of tiny objects fits its heap bound.
 */
public final class CompactNodeFactory extends JsonNodeFactory {

    private static final long serialVersionUID = 1L;

    public static final CompactNodeFactory INSTANCE = new CompactNodeFactory();

    private CompactNodeFactory() {
    }

    @Override
    public ObjectNode objectNode() {
        return new ObjectNode(this, new MemberMap());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}

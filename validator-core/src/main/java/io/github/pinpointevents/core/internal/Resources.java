package io.github.pinpointevents.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the core's own resources. */
public final class Resources {

    public static final String BASE = "/io/github/pinpointevents/core/";

    private Resources() {
    }

    public static byte[] bytes(String absolutePath) {
        try (InputStream in = Resources.class.getResourceAsStream(absolutePath)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + absolutePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-blank lines of a resource beside the core's classes, without # comments. */
    public static List<String> lines(String name) {
        return new String(bytes(BASE + name), StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}

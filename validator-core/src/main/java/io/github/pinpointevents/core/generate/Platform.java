package io.github.pinpointevents.core.generate;

import java.util.Locale;

/** The platform an endpoint runs on; each is served by some {@link Sdk}s. */
public enum Platform {
    ANDROID, IOS, WEB;

    /** The lower-case name used in options and vocabulary files: {@code android}, {@code ios}, {@code web}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform of(String id) {
        for (Platform p : values()) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + id + "' (android, ios, web)");
    }
}

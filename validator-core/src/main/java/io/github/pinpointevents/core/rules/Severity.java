package io.github.pinpointevents.core.rules;

/** Errors decide the answer; warnings never change it. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.github.pinpointevents.core;

import java.time.Clock;
import java.util.Objects;

/**
 * The validator's settings; the one place their defaults live. Front ends map their options onto a
 * {@link #builder()} and never restate a default.
 *
 * @param clock the clock future timestamps are compared with (only warnings read it)
 * @param warnings whether warning rules run
 * @param clientValidation whether fixture validation also applies the AWS CLI's parameter validation and
 *        counts its findings as failures
 * @param strict whether a fixture with warnings fails too
 */
public record ValidatorConfig(Clock clock, boolean warnings, boolean clientValidation, boolean strict) {

    public ValidatorConfig {
        Objects.requireNonNull(clock, "clock");
    }

    public static ValidatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().clock(clock).warnings(warnings).clientValidation(clientValidation).strict(strict);
    }

    /** Builds a {@link ValidatorConfig}; every setter is optional. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean warnings = true;
        private boolean clientValidation = true;
        private boolean strict;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder warnings(boolean warnings) {
            this.warnings = warnings;
            return this;
        }

        public Builder clientValidation(boolean clientValidation) {
            this.clientValidation = clientValidation;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public ValidatorConfig build() {
            return new ValidatorConfig(clock, warnings, clientValidation, strict);
        }
    }
}

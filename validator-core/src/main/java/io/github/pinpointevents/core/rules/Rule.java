package io.github.pinpointevents.core.rules;

import java.util.Objects;

/**
 * One entry of the rule catalogue. A rule is checked either by the JSON Schema (it then implements
 * {@link SchemaBound}) or by code (it implements one of the check interfaces), or both; either way
 * every decision traces back to exactly one rule id.
 */
public abstract class Rule {

    private final String id;
    private final Level level;
    private final Severity severity;
    private final int statusCode;
    private final String errorType;
    private final String message;
    private final Provenance provenance;
    private final String source;
    private final String description;
    private final boolean sentBySdk;

    protected Rule(Builder b) {
        this.id = Objects.requireNonNull(b.id);
        this.level = Objects.requireNonNull(b.level);
        this.severity = b.severity;
        this.statusCode = b.statusCode;
        this.errorType = b.errorType;
        this.message = Objects.requireNonNull(b.message);
        this.provenance = Objects.requireNonNull(b.provenance);
        this.source = Objects.requireNonNull(b.source);
        this.description = Objects.requireNonNull(b.description);
        this.sentBySdk = b.sentBySdk;
    }

    /** Stable identifier, such as {@code event.attribute-count}. */
    public final String id() {
        return id;
    }

    public final Level level() {
        return level;
    }

    public final Severity severity() {
        return severity;
    }

    /** HTTP status of a request-level error, or the item's StatusCode; 0 for warnings. */
    public final int statusCode() {
        return statusCode;
    }

    /** The exception name of a request-level error (x-amzn-ErrorType), otherwise null. */
    public final String errorType() {
        return errorType;
    }

    /** The message the service (or botocore) answers with, or the warning's text. */
    public final String message() {
        return message;
    }

    public final Provenance provenance() {
        return provenance;
    }

    /** Where the limit, the trigger and the message come from, and any conflict between sources. */
    public final String source() {
        return source;
    }

    /** What triggers the rule, in one or two sentences. */
    public final String description() {
        return description;
    }

    /**
     * Whether this warning is about what an official SDK sends by itself, which the app's developer cannot
     * change: such a warning informs, and does not fail {@code --strict}.
     */
    public final boolean sentBySdk() {
        return sentBySdk;
    }

    /** Whether a finding of this rule fails a request under {@code --strict}: every warning but an SDK's own. */
    public final boolean failsStrict() {
        return severity == Severity.WARNING && !sentBySdk;
    }

    @Override
    public final String toString() {
        return id;
    }

    protected static Builder error(String id, Level level) {
        Builder b = new Builder(id, level, Severity.ERROR);
        b.statusCode = 400;
        if (level == Level.REQUEST) {
            b.errorType = "BadRequestException";
        }
        return b;
    }

    protected static Builder warning(String id, Level level) {
        return new Builder(id, level, Severity.WARNING);
    }

    /** Collects a rule's metadata; subclasses pass one to {@link Rule#Rule(Builder)}. */
    protected static final class Builder {
        private final String id;
        private final Level level;
        private final Severity severity;
        private int statusCode;
        private String errorType;
        private String message;
        private Provenance provenance;
        private String source;
        private String description;
        private boolean sentBySdk;

        private Builder(String id, Level level, Severity severity) {
            this.id = id;
            this.level = level;
            this.severity = severity;
        }

        public Builder status(int statusCode, String errorType) {
            this.statusCode = statusCode;
            this.errorType = errorType;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder observed(String source) {
            return provenance(Provenance.OBSERVED, source);
        }

        public Builder documented(String source) {
            return provenance(Provenance.DOCUMENTED, source);
        }

        public Builder inferred(String source) {
            return provenance(Provenance.INFERRED, source);
        }

        private Builder provenance(Provenance provenance, String source) {
            this.provenance = provenance;
            this.source = source;
            return this;
        }

        public Builder describe(String description) {
            this.description = description;
            return this;
        }

        /** Marks a warning about what an official SDK sends by itself: it does not fail {@code --strict}. */
        public Builder sentBySdk() {
            this.sentBySdk = true;
            return this;
        }
    }
}

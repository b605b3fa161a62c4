package io.github.pinpointevents.cli;

import io.github.pinpointevents.core.run.InputKind;
import io.github.pinpointevents.core.report.ReportFormat;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Typed picocli converters shared by the commands: a bad value is refused in one line, in words. */
final class Converters {

    private Converters() {
    }

    /** Accepts the report formats in lower case, as the help shows them. */
    static final class Format implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            try {
                return ReportFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ",
                        java.util.Arrays.stream(ReportFormat.values())
                                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList()));
            }
        }
    }

    /** What validate reads: request or event-stream. */
    static final class Kind implements ITypeConverter<InputKind> {
        @Override
        public InputKind convert(String value) {
            try {
                return InputKind.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A path, refused in words rather than with the JDK's exception name (a NUL byte, for one). */
    static final class PathValue implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
            }
        }
    }

    /** A count of at least one, such as --threads. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below, in the same words
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of 1 or more");
        }
    }
}

package io.github.pinpointevents.core.report;

import java.io.PrintWriter;
import java.util.Locale;

/** The report formats, their file names, and how to write them. */
public enum ReportFormat {
    TEXT("pinpoint-events.txt"),
    JSON("pinpoint-events.json"),
    SARIF("pinpoint-events.sarif"),
    JUNIT("TEST-pinpoint-events.xml"),
    HTML("pinpoint-events.html");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name used when reports are written to a directory. */
    public String fileName() {
        return fileName;
    }

    public static ReportFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Formats named in a build tool's list setting; blank entries are skipped.
     *
     * @throws IllegalArgumentException naming the unknown format and every known one
     */
    public static java.util.List<ReportFormat> parseAll(java.util.List<String> names) {
        java.util.List<ReportFormat> formats = new java.util.ArrayList<>();
        for (String name : names == null ? java.util.List.<String>of() : names) {
            if (name.isBlank()) {
                continue;
            }
            try {
                formats.add(parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown report format '" + name + "': use " + String.join(", ",
                        java.util.Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }
        return formats;
    }

    /** A writer of this format that writes each result as it arrives. */
    public ReportWriter open(PrintWriter out) {
        return switch (this) {
            case JSON -> new JsonReport().open(out);
            case SARIF -> new SarifReport().open(out);
            case JUNIT -> new JUnitReport().open(out);
            case HTML -> new HtmlReport().open(out);
            default -> new TextReport(false).open(out);
        };
    }

    /** Opens writers of this format; {@code verbose} lists passing requests too (text only). */
    public java.util.function.Function<PrintWriter, ReportWriter> opener(boolean verbose) {
        return this == TEXT ? new TextReport(verbose)::open : this::open;
    }
}

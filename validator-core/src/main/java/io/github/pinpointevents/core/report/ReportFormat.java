package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** The report formats, their file names, and how to write them. */
public enum ReportFormat {
    TEXT("pinpoint-events.txt"),
    JSON("pinpoint-events.json"),
    SARIF("pinpoint-events.sarif"),
    JUNIT("TEST-pinpoint-events.xml");

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

    public void write(List<RequestResult> results, PrintWriter out) {
        switch (this) {
            case JSON -> new JsonReport().write(results, out);
            case SARIF -> new SarifReport().write(results, out);
            case JUNIT -> new JUnitReport().write(results, out);
            default -> new TextReport(false).write(results, out);
        }
    }

    /** Writes the report as {@link #fileName()} in the directory, atomically. */
    public Path writeTo(List<RequestResult> results, Path directory) throws IOException {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            write(results, out);
        }
        Path target = directory.resolve(fileName);
        writeAtomically(target, text.toString());
        return target;
    }

    /** Writes a sibling temporary file, then moves it over the target, so a failed write loses nothing. */
    public static void writeAtomically(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".pinpoint-events-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}

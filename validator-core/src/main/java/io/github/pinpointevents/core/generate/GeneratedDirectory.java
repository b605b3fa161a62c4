package io.github.pinpointevents.core.generate;

import io.github.pinpointevents.core.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A build tool's output directory of generated requests: it holds one run's output and nothing else, and knows
 * which run wrote it. The Maven goal and the Gradle task both write through it, so the file a format is written
 * to, the up-to-date check and what may be replaced are decided once.
 *
 * <p>The run is recorded as a SHA-256 fingerprint of the configuration and the version in {@link #FINGERPRINT}:
 * the same settings with the same release write the same bytes (the generator is deterministic), so a directory
 * whose fingerprint matches is up to date and is left alone.
 */
public final class GeneratedDirectory {

    /** The file in the directory that names the run that wrote it. */
    public static final String FINGERPRINT = ".pinpoint-events-generate";

    private final Path dir;

    public GeneratedDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /**
     * A configuration builder that writes {@code format} into this directory: the directory itself for the
     * directory formats, else the format's own file in it. Earlier output of ours may be replaced; anything else
     * only when {@code force} is set.
     */
    public GeneratorConfig.Builder configFor(OutputFormat format, boolean force) {
        return GeneratorConfig.builder().format(format)
                .output(format.directory() ? dir : dir.resolve(format.fileName()))
                .force(force || isOurs());
    }

    /** Whether an earlier run of ours wrote this directory. */
    public boolean isOurs() {
        return Files.isRegularFile(dir.resolve(FINGERPRINT));
    }

    /** Whether this directory holds the output of exactly this run, so writing it again would change nothing. */
    public boolean isUpToDate(GeneratorConfig config) throws IOException {
        return isOurs() && Files.readString(dir.resolve(FINGERPRINT), StandardCharsets.UTF_8)
                .equals(fingerprint(config));
    }

    /**
     * Writes the run and records it, first removing an earlier run's output.
     *
     * @param owned whether the whole directory belongs to the caller (a Gradle output directory), so that
     *     anything in it may be removed; otherwise only an earlier run of ours is, and other files stay
     */
    public GenerationSummary write(GeneratorConfig config, boolean owned) throws IOException, OutputException {
        if (owned || isOurs()) {
            clear();
        }
        GenerationSummary summary = GeneratorOutput.write(config, OutputStream.nullOutputStream(), (done, all) -> { });
        Files.writeString(dir.resolve(FINGERPRINT), fingerprint(config), StandardCharsets.UTF_8);
        return summary;
    }

    private static String fingerprint(GeneratorConfig config) {
        // Threads and force change how the run is written, never what it writes.
        String inputs = Version.get() + "\n" + config.toBuilder().threads(1).force(false).build();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }
}

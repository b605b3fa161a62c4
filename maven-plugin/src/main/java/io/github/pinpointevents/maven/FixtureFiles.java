package io.github.pinpointevents.maven;

import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.run.InputKind;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * The fixtures a goal reads: Ant-style patterns under a directory, by default what the CLI finds there (for
 * event-stream records, also the objects of a Firehose bucket).
 */
final class FixtureFiles {

    private FixtureFiles() {
    }

    static List<Path> scan(File directory, List<String> includes, List<String> excludes, InputKind kind, Log log)
            throws MojoExecutionException {
        if (!directory.isDirectory()) {
            if (directory.exists()) {
                throw new MojoExecutionException("fixtureDirectory is not a directory: " + directory);
            }
            log.info("No fixtures: " + directory + " does not exist.");
            return List.of();
        }
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(directory);
        scanner.setCaseSensitive(false); // as the CLI: FixtureValidator.isFixture ignores case
        // Firehose's object names have no extension to match: every file, then the kind's own test.
        boolean byKind = kind != InputKind.REQUEST && (includes == null || includes.isEmpty());
        scanner.setIncludes(byKind ? new String[] {"**/*"} : orDefault(includes, FixtureDefaults.INCLUDES));
        scanner.setExcludes(orDefault(excludes, FixtureDefaults.EXCLUDES));
        scanner.scan();
        return Arrays.stream(scanner.getIncludedFiles()).map(directory.toPath()::resolve)
                .filter(p -> !byKind || kind.finds(p)).sorted().toList();
    }

    private static String[] orDefault(List<String> patterns, List<String> defaults) {
        return (patterns == null || patterns.isEmpty() ? defaults : patterns).toArray(String[]::new);
    }
}

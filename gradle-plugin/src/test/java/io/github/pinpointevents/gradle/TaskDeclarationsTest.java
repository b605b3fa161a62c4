package io.github.pinpointevents.gradle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradle.api.tasks.CacheableTask;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.OutputDirectory;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;
import org.gradle.api.tasks.SkipWhenEmpty;
import org.junit.jupiter.api.Test;

/**
 * What Gradle's up-to-date checks and build cache read: ProjectBuilder does not run them, so the declarations
 * they depend on are checked here; and the marker pom that lets {@code plugins { id(...) }} find the plugin.
 */
class TaskDeclarationsTest {

    private static Method getter(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    @Test
    void validateDeclaresItsFilesSettingsAndReports() throws Exception {
        Class<?> t = ValidatePinpointEventsTask.class;
        assertTrue(t.isAnnotationPresent(CacheableTask.class));
        for (String files : new String[] {"getFixtures", "getExpectedAnswers"}) {
            Method m = getter(t, files);
            assertTrue(m.isAnnotationPresent(InputFiles.class), files);
            assertEquals(PathSensitivity.ABSOLUTE, m.getAnnotation(PathSensitive.class).value(), files);
        }
        assertTrue(getter(t, "getFixtures").isAnnotationPresent(SkipWhenEmpty.class));
        for (String input : new String[] {"getKind", "getFailOnError", "getMaxAllowedFailures", "getStrict",
                "getServiceOnly", "getReportFormats"}) {
            assertTrue(getter(t, input).isAnnotationPresent(Input.class), input);
        }
        assertTrue(getter(t, "getThreads").isAnnotationPresent(Internal.class));
        assertTrue(getter(t, "getReportDirectory").isAnnotationPresent(OutputDirectory.class));
    }

    @Test
    void generateDeclaresEveryGeneratorSettingAsAnInput() throws Exception {
        Class<?> t = GeneratePinpointEventsTask.class;
        assertTrue(t.isAnnotationPresent(CacheableTask.class));
        int inputs = 0;
        for (Method m : t.getMethods()) {
            if (m.isAnnotationPresent(Input.class)) {
                inputs++;
                // Every input is also an extension setting of the same name.
                PinpointEventsExtension.class.getMethod(m.getName());
            }
        }
        assertEquals(12, inputs);
        assertTrue(getter(t, "getThreads").isAnnotationPresent(Internal.class));
        assertTrue(getter(t, "getOutputDirectory").isAnnotationPresent(OutputDirectory.class));
    }

    @Test
    void theMarkerIsTheIdAndPointsAtThePluginJar() throws Exception {
        Path samples = Path.of(System.getProperty("pinpoint.samples", "../samples"));
        String marker = Files.readString(samples.resolveSibling("gradle-plugin-marker/pom.xml"));
        String self = Files.readString(samples.resolveSibling("gradle-plugin/pom.xml"));
        String id = "io.github.pinpointevents";
        assertTrue(marker.contains("<artifactId>" + id + ".gradle.plugin</artifactId>\n  <packaging>pom</packaging>"));
        assertTrue(marker.contains("<groupId>" + id + "</groupId>\n    <artifactId>pinpoint-events-parent"),
                "the marker's group is the parent's, which is the plugin id");
        Matcher plugin = Pattern.compile("<dependency>\\s*<groupId>" + Pattern.quote(id)
                + "</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(marker);
        assertTrue(plugin.find());
        assertTrue(self.contains("<artifactId>" + plugin.group(1) + "</artifactId>"), plugin.group(1));
        assertTrue(Files.exists(samples.resolveSibling("gradle-plugin/src/main/resources/META-INF/gradle-plugins/"
                + id + ".properties")));
    }
}

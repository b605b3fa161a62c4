package io.github.pinpointevents.gradle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.generate.GeneratedDirectory;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.generate.OutputFormat;
import io.github.pinpointevents.core.run.FixtureCheck;
import io.github.pinpointevents.core.run.FixtureRun;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.Summary;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.gradle.api.Action;
import org.gradle.api.GradleException;
import org.gradle.api.InvalidUserDataException;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.plugins.JavaPluginExtension;
import org.gradle.testfixtures.ProjectBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin in Gradle's real core (ProjectBuilder, in-process): applied by its id, its tasks' actions run on the
 * samples/gradle projects with their own settings. TestKit, which needs a Gradle distribution, cannot run here.
 */
class PinpointEventsPluginTest {

    private static final Path SAMPLES = Path.of(System.getProperty("pinpoint.samples", "../samples"));
    private static final Path KOTLIN = SAMPLES.resolve("gradle/kotlin-dsl");
    private static final Path GROOVY = SAMPLES.resolve("gradle/groovy-dsl");

    @TempDir
    Path tmp;

    private Project project(Path dir) {
        Project project = ProjectBuilder.builder().withProjectDir(dir.toFile())
                .withGradleUserHomeDir(tmp.resolve("gradle-home").toFile()).build();
        project.getPluginManager().apply("io.github.pinpointevents");
        return project;
    }

    /** A copy of a sample project with its pinpointEvents settings applied. */
    private Project sample(Path sample, String... extraFixtures) throws Exception {
        Path dir = tmp.resolve("project");
        copy(sample, dir);
        for (String extra : extraFixtures) {
            Files.copy(Path.of(extra), dir.resolve("src/test/resources/fixtures").resolve(Path.of(extra).getFileName()));
        }
        Project project = project(dir);
        project.getPluginManager().apply("java");
        SampleSettings.read(sample.resolve(Files.exists(sample.resolve("build.gradle.kts")) ? "build.gradle.kts"
                : "build.gradle")).applyTo(ext(project), project);
        return project;
    }

    private static PinpointEventsExtension ext(Project project) {
        return project.getExtensions().getByType(PinpointEventsExtension.class);
    }

    private static void run(Task task) {
        for (Action<? super Task> action : task.getActions()) {
            action.execute(task);
        }
    }

    @Test
    void theDescriptorNamesThePluginClass() throws IOException {
        Properties descriptor = new Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/gradle-plugins/io.github.pinpointevents.properties")) {
            descriptor.load(in);
        }
        assertEquals(PinpointEventsPlugin.class.getName(), descriptor.getProperty("implementation-class"));
    }

    @Test
    void registersBothTasksAndCheckRunsValidate() {
        Project project = project(tmp.resolve("p"));
        Task validate = project.getTasks().getByName("validatePinpointEvents");
        Task generate = project.getTasks().getByName("generatePinpointEvents");
        assertTrue(validate instanceof ValidatePinpointEventsTask);
        assertTrue(generate instanceof GeneratePinpointEventsTask);
        Task check = project.getTasks().getByName("check");
        assertTrue(check.getTaskDependencies().getDependencies(check).contains(validate));
        assertTrue(validate.getClass().getSuperclass().isAnnotationPresent(org.gradle.api.tasks.CacheableTask.class));
    }

    @Test
    void conventionsAreTheCoreDefaults() {
        Project project = project(tmp.resolve("p"));
        PinpointEventsExtension ext = ext(project);
        assertEquals(project.file(FixtureDefaults.FIXTURE_DIRECTORY), ext.getFixtureDirectory().get().getAsFile());
        assertEquals(List.of("**/*.json", "**/*.ndjson", "**/*.jsonl"), ext.getIncludes().get());
        assertEquals(List.of("json", "sarif", "junit"), ext.getReportFormats().get());
        assertEquals(new File(project.getLayout().getBuildDirectory().get().getAsFile(), "pinpoint-events"),
                ext.getReportDirectory().get().getAsFile());
        assertEquals(0, ext.getMaxAllowedFailures().get());
        assertTrue(ext.getFailOnError().get());
        assertFalse(ext.getStrict().get());
        assertFalse(ext.getServiceOnly().get());
        assertEquals("request", ext.getKind().get());

        GeneratePinpointEventsTask generate = (GeneratePinpointEventsTask) project.getTasks()
                .getByName("generatePinpointEvents");
        Path out = generate.getOutputDirectory().get().getAsFile().toPath();
        assertEquals(project.getLayout().getBuildDirectory().dir("generated-test-resources/pinpoint-events").get()
                .getAsFile().toPath(), out);
        // Nothing set: the core's defaults, in the Maven goal's format, into the task's own directory.
        assertEquals(GeneratorConfig.builder().format(OutputFormat.REQUESTS).output(out).force(true)
                .threads(FixtureValidator.defaultThreads()).build(), generate.config(new GeneratedDirectory(out)));
    }

    @Test
    void generatedRequestsAreTestResourcesWithTheJavaPlugin() {
        Project project = project(tmp.resolve("p"));
        project.getPluginManager().apply("java");
        Task generate = project.getTasks().getByName("generatePinpointEvents");
        File out = ((GeneratePinpointEventsTask) generate).getOutputDirectory().get().getAsFile();
        var test = project.getExtensions().getByType(JavaPluginExtension.class).getSourceSets().getByName("test");
        assertTrue(test.getResources().getSrcDirs().contains(out), test.getResources().getSrcDirs().toString());
        Task process = project.getTasks().getByName("processTestResources");
        assertTrue(process.getTaskDependencies().getDependencies(process).contains(generate));
    }

    @Test
    void bothSampleBuildsSayTheSame() throws Exception {
        SampleSettings kotlin = SampleSettings.read(KOTLIN.resolve("build.gradle.kts"));
        SampleSettings groovy = SampleSettings.read(GROOVY.resolve("build.gradle"));
        assertEquals(kotlin, groovy);
        assertEquals(20L, kotlin.values().get("count"));
        assertEquals(Map.of("android", 3.0, "ios", 1.0, "web", 0.0), kotlin.values().get("platforms"));
        assertEquals(List.of("fixtures"), children(KOTLIN.resolve("src/test/resources")));
        assertEquals(children(KOTLIN.resolve("src/test/resources/fixtures")),
                children(GROOVY.resolve("src/test/resources/fixtures")));
    }

    @Test
    void validateOnTheSamplePassesAndWritesTheReportsTheMavenGoalWrites() throws Exception {
        Project project = sample(KOTLIN);
        ValidatePinpointEventsTask task = (ValidatePinpointEventsTask) project.getTasks()
                .getByName("validatePinpointEvents");
        List<Path> fixtures = task.getFixtures().getFiles().stream().map(File::toPath).sorted().toList();
        assertEquals(List.of("amplify-android-session.json", "channel-type-invalid.json", "mixed-clients.ndjson"),
                fixtures.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1, task.getExpectedAnswers().getFiles().size());
        run(task);

        // The Maven goal's one call (FixtureCheck.run) on the same files gives the same reports, byte for byte.
        Path reports = task.getReportDirectory().get().getAsFile().toPath();
        Path direct = tmp.resolve("direct");
        Summary summary = FixtureCheck.run(new FixtureRun(ValidatorConfig.defaults()),
                fixtures, List.of(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.JUNIT), direct, line -> { });
        assertEquals(0, summary.failed());
        assertTrue(summary.requests() > 3, "the NDJSON file holds several requests: " + summary);
        for (String name : List.of("pinpoint-events.json", "pinpoint-events.sarif", "TEST-pinpoint-events.xml")) {
            assertArrayEquals(Files.readAllBytes(direct.resolve(name)), Files.readAllBytes(reports.resolve(name)), name);
        }
        assertTrue(Files.readString(reports.resolve("TEST-pinpoint-events.xml")).contains("failures=\"0\""));
    }

    @Test
    void aFailingFixtureFailsTheTaskWithItsFindings() throws Exception {
        Path blank = Path.of(getClass().getResource("/blank-type.json").toURI());
        Project project = sample(GROOVY, blank.toString());
        Task task = project.getTasks().getByName("validatePinpointEvents");
        GradleException e = assertThrows(GradleException.class, () -> run(task));
        String file = project.file("src/test/resources/fixtures/blank-type.json").toString();
        Path reports = project.getLayout().getBuildDirectory().dir("pinpoint-events").get().getAsFile().toPath();
        assertEquals("1 fixture request fails; reports in " + reports + ":\n"
                + "  " + file + ":7:11: error event.event-type-blank [ep-1/e-1] /BatchItem/ep-1/Events/e-1/EventType:"
                + " Event type cannot be null, empty or blank (got \"\")\n"
                + "  " + file + ": FAIL 1 of 3 items refused", e.getMessage());
        Path junit = ((ValidatePinpointEventsTask) task).getReportDirectory().get().getAsFile().toPath()
                .resolve("TEST-pinpoint-events.xml");
        assertTrue(Files.readString(junit).contains("failures=\"1\""));

        // failOnError = false: the same failure only warns.
        ext(project).getFailOnError().set(false);
        run(task);
        // maxAllowedFailures = 1 tolerates it too.
        ext(project).getFailOnError().set(true);
        ext(project).getMaxAllowedFailures().set(1);
        run(task);
    }

    @Test
    void generateWritesTheSampleRequestsAndValidateAgreesWithTheirExpectedAnswers() throws Exception {
        Project project = sample(KOTLIN);
        GeneratePinpointEventsTask generate = (GeneratePinpointEventsTask) project.getTasks()
                .getByName("generatePinpointEvents");
        run(generate);
        Path out = generate.getOutputDirectory().get().getAsFile().toPath();
        List<Path> requests = FixtureValidator.collect(List.of(out));
        assertEquals(20, requests.size());
        List<String> expected = children(out).stream().filter(n -> n.contains(".expected.")).toList();
        assertFalse(expected.isEmpty(), "invalidRate 0.25 breaks some of 20 requests");
        byte[] first = Files.readAllBytes(requests.get(0));

        // Run again: the same bytes, and nothing of the earlier run left over.
        Files.writeString(out.resolve("stale.json"), "{}");
        run(generate);
        assertArrayEquals(first, Files.readAllBytes(requests.get(0)));
        assertFalse(Files.exists(out.resolve("stale.json")));

        ext(project).getFixtureDirectory().set(out.toFile());
        run(project.getTasks().getByName("validatePinpointEvents"));
        String json = Files.readString(project.getLayout().getBuildDirectory().file("pinpoint-events/pinpoint-events.json")
                .get().getAsFile().toPath(), StandardCharsets.UTF_8);
        assertTrue(json.contains(expected.get(0)), "the report names the expected answers it compared");
    }

    @Test
    void eventStreamRecordsAreGeneratedAndCheckedAsTheMavenGoalsDo() throws Exception {
        Project project = project(tmp.resolve("p"));
        ext(project).getFormat().set("event-stream");
        ext(project).getCount().set(15L);
        ext(project).getInvalidRate().set(0.4);
        GeneratePinpointEventsTask generate = (GeneratePinpointEventsTask) project.getTasks()
                .getByName("generatePinpointEvents");
        run(generate);
        Path out = generate.getOutputDirectory().get().getAsFile().toPath();
        assertEquals(List.of(".pinpoint-events-generate", "records.ndjson"), children(out));
        long records = Files.readAllLines(out.resolve("records.ndjson")).size();
        assertTrue(records > 15, "records: " + records);

        ext(project).getFixtureDirectory().set(out.toFile());
        ValidatePinpointEventsTask validate = (ValidatePinpointEventsTask) project.getTasks()
                .getByName("validatePinpointEvents");
        // As requests, records are refused: each line is no EventsRequest.
        assertThrows(GradleException.class, () -> run(validate));
        ext(project).getKind().set("event-stream");
        run(validate);
        String junit = Files.readString(validate.getReportDirectory().get().getAsFile().toPath()
                .resolve("TEST-pinpoint-events.xml"));
        assertTrue(junit.contains("tests=\"" + records + "\"") && junit.contains("failures=\"0\""), junit);

        // A producer's record with a misnamed member fails the task with the rule id and the JSON Pointer.
        Files.writeString(out.resolve("records.ndjson"), Files.readString(out.resolve("records.ndjson"))
                .replaceFirst("\"event_type\"", "\"eventType\""));
        GradleException e = assertThrows(GradleException.class, () -> run(validate));
        assertTrue(e.getMessage().startsWith("1 fixture request fails; reports in "), e.getMessage());
        assertTrue(e.getMessage().contains("records.ndjson:1: error record.schema /eventType: "), e.getMessage());
    }

    @Test
    void aBadSettingIsAClearConfigurationError() {
        Project project = project(tmp.resolve("p"));
        ext(project).getFormat().set("yaml");
        InvalidUserDataException e = assertThrows(InvalidUserDataException.class,
                () -> run(project.getTasks().getByName("generatePinpointEvents")));
        assertEquals("Invalid pinpointEvents generate setting: unknown format 'yaml' (ndjson, requests, cli-input,"
                + " json-array, event-stream)", e.getMessage());
        ext(project).getReportFormats().set(List.of("pdf"));
        ValidatePinpointEventsTask validate = (ValidatePinpointEventsTask) project.getTasks()
                .getByName("validatePinpointEvents");
        e = assertThrows(InvalidUserDataException.class, validate::validate);
        assertEquals("Unknown report format 'pdf': use text, json, sarif, junit, html", e.getMessage());
        ext(project).getReportFormats().set(List.of("json"));
        ext(project).getKind().set("records");
        e = assertThrows(InvalidUserDataException.class, validate::validate);
        assertEquals("'records' is not one of request, event-stream", e.getMessage());
    }

    private static List<String> children(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}

package io.github.pinpointevents.gradle;

import io.github.pinpointevents.core.ValidatorConfig;
import io.github.pinpointevents.core.fixture.FixtureDefaults;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.generate.GeneratorConfig;
import io.github.pinpointevents.core.run.InputKind;
import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.file.ProjectLayout;
import org.gradle.api.plugins.JavaPluginExtension;
import org.gradle.api.tasks.SourceSet;
import org.gradle.api.tasks.TaskProvider;
import org.gradle.language.base.plugins.LifecycleBasePlugin;

/**
 * {@code plugins { id("io.github.pinpointevents") }}: the extension {@code pinpointEvents}, whose conventions
 * are the core's defaults, and the tasks {@code validatePinpointEvents} (run by {@code check}) and
 * {@code generatePinpointEvents} (whose output, with the {@code java} plugin, is a test resource directory).
 */
public class PinpointEventsPlugin implements Plugin<Project> {

    public static final String EXTENSION = "pinpointEvents";
    public static final String VALIDATE = "validatePinpointEvents";
    public static final String GENERATE = "generatePinpointEvents";
    public static final String GROUP = "verification";

    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(LifecycleBasePlugin.class);
        PinpointEventsExtension ext = project.getExtensions().create(EXTENSION, PinpointEventsExtension.class);
        conventions(ext, project.getLayout());

        TaskProvider<ValidatePinpointEventsTask> validate = project.getTasks().register(VALIDATE,
                ValidatePinpointEventsTask.class, t -> {
                    t.setGroup(GROUP);
                    t.setDescription("Validates the PutEvents fixtures against the service's decisions.");
                    t.getFixtures().from(ext.getFixtureDirectory().map(dir -> dir.getAsFileTree().matching(p -> {
                        p.include(ext.getIncludes().get());
                        p.exclude(ext.getExcludes().get());
                    })));
                    t.getExpectedAnswers().from(ext.getFixtureDirectory().map(dir -> dir.getAsFileTree()
                            .matching(p -> p.include(FixtureDefaults.EXCLUDES))));
                    t.getKind().convention(ext.getKind());
                    t.getFailOnError().convention(ext.getFailOnError());
                    t.getMaxAllowedFailures().convention(ext.getMaxAllowedFailures());
                    t.getStrict().convention(ext.getStrict());
                    t.getServiceOnly().convention(ext.getServiceOnly());
                    t.getReportFormats().convention(ext.getReportFormats());
                    t.getThreads().convention(ext.getThreads());
                    t.getReportDirectory().convention(ext.getReportDirectory());
                });
        project.getTasks().named(LifecycleBasePlugin.CHECK_TASK_NAME).configure(t -> t.dependsOn(validate));

        TaskProvider<GeneratePinpointEventsTask> generate = project.getTasks().register(GENERATE,
                GeneratePinpointEventsTask.class, t -> {
                    t.setGroup(GROUP);
                    t.setDescription("Generates deterministic PutEvents requests as test resources.");
                    t.getFormat().convention(ext.getFormat());
                    t.getCount().convention(ext.getCount());
                    t.getSeed().convention(ext.getSeed());
                    t.getApplicationId().convention(ext.getApplicationId());
                    t.getStart().convention(ext.getStart());
                    t.getEnd().convention(ext.getEnd());
                    t.getEndpointsPerRequest().convention(ext.getEndpointsPerRequest());
                    t.getEventsPerRequest().convention(ext.getEventsPerRequest());
                    t.getPlatforms().convention(ext.getPlatforms());
                    t.getSdks().convention(ext.getSdks());
                    t.getInvalidRate().convention(ext.getInvalidRate());
                    t.getMutations().convention(ext.getMutations());
                    t.getThreads().convention(ext.getThreads());
                    t.getOutputDirectory().convention(ext.getOutputDirectory());
                });

        // With the java plugin, the generated requests are test resources: processTestResources runs the task.
        project.getPluginManager().withPlugin("java", java -> project.getExtensions()
                .getByType(JavaPluginExtension.class).getSourceSets()
                .getByName(SourceSet.TEST_SOURCE_SET_NAME).getResources().srcDir(generate));
    }

    /** Every convention is the core's default, so the Maven goals and this plugin cannot drift apart. */
    static void conventions(PinpointEventsExtension ext, ProjectLayout layout) {
        ValidatorConfig validator = ValidatorConfig.defaults();
        GeneratorConfig generator = GeneratorConfig.defaults();
        ext.getFixtureDirectory().convention(layout.getProjectDirectory().dir(FixtureDefaults.FIXTURE_DIRECTORY));
        ext.getIncludes().convention(FixtureDefaults.INCLUDES);
        ext.getExcludes().convention(FixtureDefaults.EXCLUDES);
        ext.getKind().convention(InputKind.REQUEST.id());
        ext.getFailOnError().convention(FixtureDefaults.FAIL_ON_ERROR);
        ext.getMaxAllowedFailures().convention(FixtureDefaults.MAX_ALLOWED_FAILURES);
        ext.getStrict().convention(validator.strict());
        ext.getServiceOnly().convention(!validator.clientValidation());
        ext.getReportFormats().convention(FixtureDefaults.reportFormats());
        ext.getReportDirectory().convention(layout.getBuildDirectory().dir(FixtureDefaults.REPORT_DIRECTORY));
        ext.getThreads().convention(FixtureValidator.defaultThreads());
        ext.getOutputDirectory().convention(layout.getBuildDirectory().dir(FixtureDefaults.GENERATED_DIRECTORY));
        ext.getFormat().convention(FixtureDefaults.GENERATE_FORMAT);
        ext.getCount().convention(generator.count());
        ext.getSeed().convention(generator.seed());
        ext.getApplicationId().convention(generator.applicationId());
        ext.getStart().convention(generator.start().toString());
        ext.getEnd().convention(generator.end().toString());
        ext.getEndpointsPerRequest().convention(generator.endpointsPerRequest());
        ext.getEventsPerRequest().convention(generator.eventsPerRequest());
        ext.getPlatforms().convention(java.util.Map.of());
        ext.getSdks().convention(java.util.Map.of());
        ext.getInvalidRate().convention(generator.invalidRate());
        ext.getMutations().convention(generator.mutations());
    }
}

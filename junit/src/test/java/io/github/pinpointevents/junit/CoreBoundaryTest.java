package io.github.pinpointevents.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Like every front end, the extension uses the core's exported packages only, never core.internal. */
class CoreBoundaryTest {
    @Test
    void doesNotReachIntoCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.github.pinpointevents.core.internal..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.pinpointevents.junit"));
    }
}

package io.github.pinpointevents.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** A front end uses the core's exported packages only; what it needs from core.internal becomes API first. */
class CoreBoundaryTest {
    @Test
    void doesNotReachIntoCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.github.pinpointevents.core.internal..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.github.pinpointevents.cli"));
    }
}

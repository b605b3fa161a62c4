package io.github.pinpointevents.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The core's package structure as a library user and a reader of the code meet it. */
class PackageStructureTest {
    private static final String CORE = "io.github.pinpointevents.core";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    /** Every package is its own slice, so a cycle between a package and its sub-package counts too. */
    @Test
    void noPackageCycles() {
        slices().matching("io.github.pinpointevents.(**)").namingSlices("$1")
                .should().beFreeOfCycles().check(CLASSES);
    }

    /** The helpers under internal sit below everything else: any package may use them, they use none. */
    @Test
    void internalHelpersDependOnNoOtherCorePackage() {
        noClasses().that().resideInAPackage(CORE + ".internal")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(CORE + "..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage(CORE + ".internal")))
                .check(CLASSES);
    }

    /** A reader opening any package finds first what it is for. */
    @Test
    void everyPackageSaysWhatItIsFor() {
        Set<String> packages = CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        List<String> without = packages.stream()
                .filter(p -> CLASSES.stream().noneMatch(c -> c.getName().equals(p + ".package-info")))
                .toList();
        assertEquals(List.of(), without, "packages without a package-info.java");
    }
}

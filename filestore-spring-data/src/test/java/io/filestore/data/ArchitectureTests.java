package io.filestore.data;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The Spring Data module stands on the core's API alone and works without Spring Boot. */
// rules run from methods: Surefire 3.5.3 does not run @ArchTest fields (maven-surefire#839)
@AnalyzeClasses(packages = "io.filestore.data", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final ArchRule USES_ONLY_THE_CORES_API_AND_SPI = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.filestore.internal..")
            .because("io.filestore.internal is the core's implementation: what this module needs belongs "
                    + "in the core's API or SPI");

    private static final ArchRule KNOWS_NOTHING_OF_SPRING_BOOT = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.filestore.boot..")
            .because("the Boot auto-configuration builds on the Spring Data module, not the other way round");

    @ArchTest
    void usesOnlyTheCoresApiAndSpi(JavaClasses classes) {
        USES_ONLY_THE_CORES_API_AND_SPI.check(classes);
    }

    @ArchTest
    void knowsNothingOfSpringBoot(JavaClasses classes) {
        KNOWS_NOTHING_OF_SPRING_BOOT.check(classes);
    }
}

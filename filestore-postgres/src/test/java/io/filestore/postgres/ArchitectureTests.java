package io.filestore.postgres;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The PostgreSQL module plugs in through the core's SPI alone and needs no Spring. */
// rules run from methods: Surefire 3.5.3 does not run @ArchTest fields (maven-surefire#839)
@AnalyzeClasses(packages = "io.filestore.postgres", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final ArchRule USES_ONLY_THE_CORES_API_AND_SPI = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.filestore.internal..")
            .because("io.filestore.internal is the core's implementation: a shared storage is an SPI implementation");

    private static final ArchRule NO_SPRING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the module serves plain Java as well; Boot wires it from the auto-configuration");

    @ArchTest
    void usesOnlyTheCoresApiAndSpi(JavaClasses classes) {
        USES_ONLY_THE_CORES_API_AND_SPI.check(classes);
    }

    @ArchTest
    void needsNoSpring(JavaClasses classes) {
        NO_SPRING.check(classes);
    }
}

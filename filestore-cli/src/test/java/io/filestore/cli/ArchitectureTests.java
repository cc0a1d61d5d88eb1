package io.filestore.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The command-line tool works through the core's public API and SPI, as any program could, and needs no Spring. */
// rules run from methods: Surefire 3.5.3 does not run @ArchTest fields (maven-surefire#839)
@AnalyzeClasses(packages = "io.filestore.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final ArchRule USES_ONLY_THE_PUBLIC_API = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.filestore.internal..")
            .because("io.filestore.internal is the core's implementation; the tool's checks are the store's own, through its API");

    private static final ArchRule NO_SPRING = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("the tool is a plain Java program; a running application is reached over its Actuator endpoint");

    @ArchTest
    void usesOnlyThePublicApi(JavaClasses classes) {
        USES_ONLY_THE_PUBLIC_API.check(classes);
    }

    @ArchTest
    void needsNoSpring(JavaClasses classes) {
        NO_SPRING.check(classes);
    }
}

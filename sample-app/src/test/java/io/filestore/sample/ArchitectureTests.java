package io.filestore.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sample uses FileStore as any application would: through its API. */
// rules run from methods: Surefire 3.5.3 does not run @ArchTest fields (maven-surefire#839)
@AnalyzeClasses(packages = "io.filestore.sample", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final ArchRule USES_ONLY_THE_CORES_API_AND_SPI = noClasses()
            .should().dependOnClassesThat().resideInAPackage("io.filestore.internal..")
            .because("io.filestore.internal is the core's implementation: what this module needs belongs "
                    + "in the core's API or SPI");

    @ArchTest
    void usesOnlyTheCoresApiAndSpi(JavaClasses classes) {
        USES_ONLY_THE_CORES_API_AND_SPI.check(classes);
    }
}

package io.filestore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The core's floor plan, checked: what users touch (the API packages and the SPI) exposes nothing
 * internal, and inside, calls go one way, io &lt; json &lt; index, wal &lt; persist &lt; store, with
 * the API's add-ons (queries, relationships, undo history, live aggregates) on top.
 */
// rules run from methods: Surefire 3.5.3 does not run @ArchTest fields (maven-surefire#839)
@AnalyzeClasses(packages = "io.filestore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String INTERNAL = "io.filestore.internal..";
    private static final String IO = "io.filestore.internal.io..";
    private static final String JSON = "io.filestore.internal.json..";
    private static final String INDEX = "io.filestore.internal.index..";
    private static final String WAL = "io.filestore.internal.wal..";
    private static final String PERSIST = "io.filestore.internal.persist..";
    private static final String STORE = "io.filestore.internal.store..";
    private static final String SPI = "io.filestore.spi..";
    /** The API: the root package and every other package that is neither internal nor the SPI. */
    private static final String[] API = {"io.filestore", "io.filestore.annotation..", "io.filestore.query..",
            "io.filestore.relation..", "io.filestore.history..", "io.filestore.aggregate.."};

    private static final ArchRule EVERY_PACKAGE_IS_API_SPI_OR_INTERNAL = classes()
            .should().resideInAnyPackage(concat(API, INTERNAL, SPI))
            .because("a package users may touch is listed as API here; anything else is io.filestore.internal");

    private static final ArchRule API_AND_SPI_EXPOSE_NO_INTERNAL_TYPE = classes()
            .that().resideOutsideOfPackage(INTERNAL)
            .should(exposeNoInternalType());

    private static final ArchRule CALLS_GO_ONE_WAY = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("io").definedBy(IO)
            .layer("json").definedBy(JSON)
            .layer("index").definedBy(INDEX)
            .layer("wal").definedBy(WAL)
            .layer("persist").definedBy(PERSIST)
            .layer("store").definedBy(STORE)
            .layer("spi").definedBy(SPI)
            .layer("api").definedBy(API)
            .whereLayer("store").mayOnlyBeAccessedByLayers("api")
            .whereLayer("persist").mayOnlyBeAccessedByLayers("store")
            .whereLayer("wal").mayOnlyBeAccessedByLayers("persist", "store")
            .whereLayer("index").mayOnlyBeAccessedByLayers("persist", "store", "api")
            .whereLayer("json").mayOnlyBeAccessedByLayers("index", "wal", "persist", "store", "api")
            .whereLayer("io").mayOnlyBeAccessedByLayers("wal", "persist", "store", "spi");

    private static final ArchRule IO_IMPORTS_NO_OTHER_LAYER = noClasses()
            .that().resideInAPackage(IO)
            .should().dependOnClassesThat().resideInAnyPackage(JSON, INDEX, WAL, PERSIST, STORE,
                    "io.filestore.query..", "io.filestore.relation..", "io.filestore.history..",
                    "io.filestore.aggregate..")
            .because("only io touches the disk, and it knows nothing above it but the SPI it implements "
                    + "and the API's exceptions");

    private static final ArchRule SPRING_STAYS_OUT_OF_THE_CORE = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    void everyPackageIsApiSpiOrInternal(JavaClasses classes) {
        EVERY_PACKAGE_IS_API_SPI_OR_INTERNAL.check(classes);
    }

    @ArchTest
    void apiAndSpiExposeNoInternalType(JavaClasses classes) {
        API_AND_SPI_EXPOSE_NO_INTERNAL_TYPE.check(classes);
    }

    @ArchTest
    void callsGoOneWay(JavaClasses classes) {
        CALLS_GO_ONE_WAY.check(classes);
    }

    @ArchTest
    void ioImportsNoOtherLayer(JavaClasses classes) {
        IO_IMPORTS_NO_OTHER_LAYER.check(classes);
    }

    @ArchTest
    void springStaysOutOfTheCore(JavaClasses classes) {
        SPRING_STAYS_OUT_OF_THE_CORE.check(classes);
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /**
     * The types a user sees: a public (or protected) type's superclass, interfaces, and its public and
     * protected fields, constructors and methods (parameters, results, exceptions, type arguments).
     */
    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no io.filestore.internal type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!visible(type)) {
                    return;
                }
                List<String> leaks = new ArrayList<>();
                type.getRawSuperclass().ifPresent(superclass -> leak(leaks, "extends", superclass));
                type.getInterfaces().forEach(face -> leak(leaks, "implements", face));
                for (JavaField field : type.getFields()) {
                    if (visible(field.getModifiers())) {
                        leak(leaks, "field " + field.getName(), field.getType());
                    }
                }
                for (JavaCodeUnit code : type.getCodeUnits()) {
                    if (!visible(code.getModifiers()) || code.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        continue;
                    }
                    String where = code.getName() + "()";
                    leak(leaks, where + " returns", code.getReturnType());
                    code.getParameterTypes().forEach(parameter -> leak(leaks, where + " takes", parameter));
                    code.getExceptionTypes().forEach(thrown -> leak(leaks, where + " throws", thrown));
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + ": " + leak));
                }
            }
        };
    }

    private static void leak(List<String> leaks, String where, JavaType type) {
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            if (involved.getPackageName().startsWith("io.filestore.internal")) {
                leaks.add(where + " " + involved.getName());
            }
        }
    }

    private static boolean visible(JavaClass type) {
        for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
            if (!visible(at.get().getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }
}

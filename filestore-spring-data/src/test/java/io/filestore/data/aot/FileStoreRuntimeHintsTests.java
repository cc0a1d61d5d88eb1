package io.filestore.data.aot;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.util.ReflectionUtils;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToOne;
import io.filestore.data.repository.support.SimpleFileStoreRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The hints FileStore registers for every application processed ahead of time, and where Spring finds them. */
class FileStoreRuntimeHintsTests {

    private final RuntimeHints hints = registered();

    private static RuntimeHints registered() {
        RuntimeHints hints = new RuntimeHints();
        new FileStoreRuntimeHints().registerHints(hints, FileStoreRuntimeHintsTests.class.getClassLoader());
        return hints;
    }

    @Test
    void theRepositoryBaseClassCanBeCreatedAndCalledThroughReflection() {
        assertThat(RuntimeHintsPredicates.reflection().onType(SimpleFileStoreRepository.class)
                .withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_METHODS))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                .onConstructorInvocation(SimpleFileStoreRepository.class.getDeclaredConstructors()[0])).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                .onMethodInvocation(ReflectionUtils.findMethod(SimpleFileStoreRepository.class, "count"))).accepts(hints);
    }

    @Test
    void fileStoreAndSpringDataAnnotationsCanBeReadThroughReflection() {
        assertThat(FileStoreRuntimeHints.MAPPING_ANNOTATIONS).contains(Document.class, Indexed.class, ManyToOne.class);
        assertThat(FileStoreRuntimeHints.SPRING_DATA_ANNOTATIONS).contains(Id.class,
                Version.class, CreatedDate.class);
        for (Class<? extends Annotation> annotation : FileStoreRuntimeHints.MAPPING_ANNOTATIONS) {
            assertThat(RuntimeHintsPredicates.reflection().onType(annotation)
                    .withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).as(annotation.getName()).accepts(hints);
        }
        for (Class<? extends Annotation> annotation : FileStoreRuntimeHints.SPRING_DATA_ANNOTATIONS) {
            assertThat(RuntimeHintsPredicates.reflection().onType(annotation)
                    .withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).as(annotation.getName()).accepts(hints);
        }
    }

    @Test
    void theCoreFindsZstdJniByNameAndReadsItsVersionNote() {
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("com.github.luben.zstd.Zstd"))).accepts(hints);
        assertThat(RuntimeHintsPredicates.resource().forResource("io/filestore/persist/zstd-jni.properties")).accepts(hints);
    }

    @Test
    void withoutZstdJniNoHintNamesIt() {
        RuntimeHints without = new RuntimeHints();
        new FileStoreRuntimeHints().registerHints(without, new ClassLoader(null) {
        });
        assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("com.github.luben.zstd.Zstd"))).rejects(without);
    }

    @Test
    void springFindsTheRegistrarAndTheManagedTypesProcessorInAotFactories() {
        SpringFactoriesLoader aotFactories = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories");
        assertThat(aotFactories.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(FileStoreRuntimeHints.class);
        assertThat(aotFactories.load(BeanRegistrationAotProcessor.class))
                .hasAtLeastOneElementOfType(FileStoreManagedTypesBeanRegistrationAotProcessor.class);
    }
}

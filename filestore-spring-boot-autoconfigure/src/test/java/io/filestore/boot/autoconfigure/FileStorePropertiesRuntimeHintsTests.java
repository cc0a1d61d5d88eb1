package io.filestore.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;

import static org.assertj.core.api.Assertions.assertThat;

/** The key check's reflection over the properties' fields has its hints, imported by the auto-configuration. */
class FileStorePropertiesRuntimeHintsTests {

    @Test
    void theFieldsOfThePropertiesAndOfEachNestedGroupCanBeRead() {
        RuntimeHints hints = new RuntimeHints();
        new FileStorePropertiesRuntimeHints().registerHints(hints, getClass().getClassLoader());
        for (Class<?> group : new Class<?>[] {FileStoreProperties.class, FileStoreProperties.Wal.class,
                FileStoreProperties.Repositories.class, FileStoreProperties.Collection.class}) {
            assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(group, group.getDeclaredFields()[0].getName()))
                    .as(group.getName()).accepts(hints);
        }
    }

    @Test
    void theAutoConfigurationImportsThem() {
        assertThat(FileStoreAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
                .containsExactly(FileStorePropertiesRuntimeHints.class);
    }
}

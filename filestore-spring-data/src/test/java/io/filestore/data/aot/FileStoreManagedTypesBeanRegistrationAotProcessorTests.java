package io.filestore.data.aot;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.ManagedTypes;

import io.filestore.data.mapping.FileStoreManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/** Which beans the processor captures: FileStore's, by name, and only those whose type the generated code can create. */
class FileStoreManagedTypesBeanRegistrationAotProcessorTests {

    private final FileStoreManagedTypesBeanRegistrationAotProcessor processor = new FileStoreManagedTypesBeanRegistrationAotProcessor();

    @Test
    void beansWhoseNameStartsWithFileStoreAreCaptured() {
        assertThat(processor.getModuleIdentifier()).isEqualTo("filestore");
    }

    @Test
    void fileStoreManagedTypesAreCapturedAndABeanDeclaredAsPlainManagedTypesIsLeftToStartup() {
        assertThat(processor.matchesByType(FileStoreManagedTypes.class)).isTrue();
        assertThat(processor.matchesByType(ManagedTypes.class)).isFalse();
        assertThat(processor.matchesByType(String.class)).isFalse();
    }
}

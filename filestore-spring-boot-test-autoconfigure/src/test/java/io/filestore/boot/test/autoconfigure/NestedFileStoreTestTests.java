package io.filestore.boot.test.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Nested} class inherits the enclosing class's {@link FileStoreTest}, the temporary folder
 * included: it must not fall back to the {@code filestore.data-dir} of this module's {@code application.yml}.
 */
@FileStoreTest
class NestedFileStoreTestTests {

    private static final Path CONFIGURED = Path.of("target", "real-data", "application-yml").toAbsolutePath().normalize();

    @Autowired
    FileStore store;

    @Test
    void theEnclosingClassIsOnATemporaryFolder() {
        assertThat(store.dataDir()).isNotEqualTo(CONFIGURED);
        assertThat(store.dataDir().getFileName().toString()).startsWith("filestore-test-");
    }

    @Nested
    class Inner {

        @Autowired
        FileStore innerStore;

        @Test
        void soIsTheNestedOne() {
            assertThat(innerStore.dataDir()).isNotEqualTo(CONFIGURED);
            assertThat(innerStore.dataDir().getFileName().toString()).startsWith("filestore-test-");
        }
    }
}

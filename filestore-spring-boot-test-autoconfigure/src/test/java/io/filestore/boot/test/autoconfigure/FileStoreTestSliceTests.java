package io.filestore.boot.test.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

@FileStoreTest
class FileStoreTestSliceTests {

    @Autowired
    UserRepository users;

    @Autowired
    FileStore store;

    @Autowired
    ApplicationContext context;

    @Test
    void bootsOnlyFileStoreAndTheRepositoriesOnATemporaryFolder() {
        User saved = users.save(new User("ada@x.io", "ada"));
        assertThat(users.findByEmail("ada@x.io")).map(u -> u.id).contains(saved.id);
        assertThat(store.dataDir().getFileName().toString()).startsWith("filestore-test-");
        assertThat(store.dataDir()).isNotEqualTo(Path.of("./data").toAbsolutePath().normalize());
        assertThat(context.getBeanNamesForType(SliceApplication.class)).isNotEmpty();
        assertThat(context.containsBean("fileStoreTemplate")).isTrue();
    }
}

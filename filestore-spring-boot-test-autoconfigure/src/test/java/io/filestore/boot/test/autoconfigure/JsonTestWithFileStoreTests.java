package io.filestore.boot.test.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.boot.test.json.JacksonTester;
import org.springframework.context.ApplicationContext;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another slice composed with {@link AutoConfigureFileStore}: {@code @JsonTest}'s JSON testers and
 * FileStore's repositories in one context, the store on a temporary folder as in a {@link FileStoreTest},
 * not on the {@code filestore.data-dir} of this module's {@code application.yml}.
 */
@JsonTest
@AutoConfigureFileStore
class JsonTestWithFileStoreTests {

    @Autowired
    JacksonTester<User> json;

    @Autowired
    UserRepository users;

    @Autowired
    FileStore store;

    @Autowired
    ApplicationContext context;

    @Test
    void theJsonOfAStoredUser() throws IOException {
        User saved = users.save(new User("json@example.com", "json"));

        assertThat(json.write(users.findById(saved.id).orElseThrow())).extractingJsonPathStringValue("$.email")
                .isEqualTo("json@example.com");
        users.delete(saved);
    }

    @Test
    void theStoreIsOnATemporaryFolderAndTheApplicationsComponentsAreOut() {
        assertThat(store.dataDir()).isNotEqualTo(Path.of("target", "real-data", "application-yml").toAbsolutePath()
                .normalize());
        assertThat(store.dataDir().getFileName().toString()).startsWith("filestore-test-");
        assertThat(context.getBeanNamesForType(UserService.class)).as("@JsonTest's filters").isEmpty();
    }
}

package io.filestore.boot.test.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice never opens the data folder the application configures. This module's test
 * {@code application.yml} sets {@code filestore.data-dir}, as README's quick start tells every application
 * to, and {@code application-dev.yml} another folder; both hold records before the slices below run, each
 * slice deletes all it sees, and afterwards every file of both folders is unchanged. A folder the test
 * itself declares ({@code properties}, {@code @DynamicPropertySource}) is used as declared. Each slice's
 * context is closed after its class ({@link DirtiesContext}), which flushes what it deleted to disk and
 * deletes its temporary folder.
 */
class RealDataFolderTests {

    private static final Path FROM_APPLICATION_YML = Path.of("target", "real-data", "application-yml");
    private static final Path FROM_PROFILE = Path.of("target", "real-data", "profile-dev");
    private static final Path DECLARED_IN_PROPERTIES = Path.of("target", "real-data", "declared-in-properties");
    private static final Path DECLARED_IN_A_FILE = Path.of("target", "real-data", "declared-in-a-file");
    private static final Path DECLARED_DYNAMICALLY = Path.of("target", "real-data", "declared-dynamically");

    private static Map<String, String> applicationYmlFiles;
    private static Map<String, String> profileFiles;
    private static final List<Path> temporaryFolders = new ArrayList<>();

    @BeforeAll
    static void seedTheConfiguredFolders() {
        applicationYmlFiles = RealDataFolder.files(RealDataFolder.seed(FROM_APPLICATION_YML));
        profileFiles = RealDataFolder.files(RealDataFolder.seed(FROM_PROFILE));
        RealDataFolder.deleteRecursively(DECLARED_IN_PROPERTIES);
        RealDataFolder.deleteRecursively(DECLARED_IN_A_FILE);
        RealDataFolder.deleteRecursively(DECLARED_DYNAMICALLY);
    }

    @AfterAll
    static void theConfiguredFoldersAreUnchangedAndTheTemporaryOnesGone() {
        assertThat(RealDataFolder.files(FROM_APPLICATION_YML)).isEqualTo(applicationYmlFiles);
        assertThat(RealDataFolder.files(FROM_PROFILE)).isEqualTo(profileFiles);
        assertThat(temporaryFolders).hasSize(2).allSatisfy(folder -> assertThat(folder).doesNotExist());
    }

    /** Other slice tests with the same configuration share the context, and so the folder: it need not be empty. */
    private static void assertNoneOfTheSeededUsers(UserRepository users) {
        assertThat(users.findAllById(RealDataFolder.SEEDED_IDS)).isEmpty();
    }

    /** Saves a user and deletes every user: on the configured folder, that would wipe its records. */
    private static void deleteAllAfterASave(UserRepository users) {
        users.save(new User("new@example.com", "new"));
        users.deleteAll();
        assertThat(users.count()).isZero();
    }

    private static Path absolute(Path folder) {
        return folder.toAbsolutePath().normalize();
    }

    @Nested
    @FileStoreTest
    @DirtiesContext
    class DataDirInApplicationYml {

        @Autowired
        FileStore store;

        @Autowired
        UserRepository users;

        @Test
        void theSliceRunsOnATemporaryFolderAndDeleteAllLeavesTheConfiguredOneAlone() {
            temporaryFolders.add(store.dataDir());
            assertThat(store.dataDir()).isNotEqualTo(absolute(FROM_APPLICATION_YML));
            assertThat(store.dataDir().getFileName().toString()).startsWith("filestore-test-");
            assertNoneOfTheSeededUsers(users);

            deleteAllAfterASave(users);
        }
    }

    @Nested
    @FileStoreTest
    @ActiveProfiles("dev")
    @DirtiesContext
    class DataDirInAProfilesApplicationYml {

        @Autowired
        FileStore store;

        @Autowired
        UserRepository users;

        @Autowired
        Environment environment;

        @Test
        void theSliceRunsOnATemporaryFolderAndDeleteAllLeavesTheProfilesOneAlone() {
            temporaryFolders.add(store.dataDir());
            assertThat(environment.getActiveProfiles()).containsExactly("dev");
            assertThat(store.dataDir()).isNotEqualTo(absolute(FROM_PROFILE));
            assertThat(store.dataDir().getFileName().toString()).startsWith("filestore-test-");
            assertNoneOfTheSeededUsers(users);

            deleteAllAfterASave(users);
        }
    }

    @Nested
    @FileStoreTest(properties = "filestore.data-dir=target/real-data/declared-in-properties")
    @DirtiesContext
    class DataDirDeclaredInTheAnnotationsProperties {

        @Autowired
        FileStore store;

        @Test
        void isTheFolderTheTestAskedFor() {
            assertThat(store.dataDir()).isEqualTo(absolute(DECLARED_IN_PROPERTIES));
        }
    }

    @Nested
    @FileStoreTest
    @TestPropertySource(locations = "classpath:declared-data-dir.properties")
    @DirtiesContext
    class DataDirDeclaredInATestPropertySourceFile {

        @Autowired
        FileStore store;

        @Test
        void isTheFolderTheTestAskedFor() {
            assertThat(store.dataDir()).isEqualTo(absolute(DECLARED_IN_A_FILE));
        }
    }

    @Nested
    @FileStoreTest
    @DirtiesContext
    class DataDirDeclaredByADynamicPropertySource {

        @DynamicPropertySource
        static void dataDir(DynamicPropertyRegistry registry) {
            registry.add("filestore.data-dir", DECLARED_DYNAMICALLY::toString);
        }

        @Autowired
        FileStore store;

        @Test
        void isTheFolderTheTestAskedFor() {
            assertThat(store.dataDir()).isEqualTo(absolute(DECLARED_DYNAMICALLY));
        }
    }
}

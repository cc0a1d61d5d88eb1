package io.filestore.boot.test.autoconfigure.cached;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two differently configured {@code @SpringBootTest} contexts on one data folder, kept by Spring's
 * test context cache in one JVM. The cache pauses the context it switches away from, which releases
 * the folder; switching back restarts it, which reopens the store. Without that, the second context
 * would fail with "folder locked".
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class CachedTestContextsIntegrationTests {

    private static final Path DATA_DIR = newFolder();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("filestore.data-dir", DATA_DIR::toString);
    }

    @Nested
    @Order(1)
    @SpringBootTest(classes = MinimalApplication.class)
    @TestPropertySource(properties = "context=first")
    class FirstContext {

        @Autowired
        FileStore store;

        @Test
        void writesARecord() {
            store.collection("users").put("from-first", Map.of("context", "first"));
        }
    }

    @Nested
    @Order(2)
    @SpringBootTest(classes = MinimalApplication.class)
    @TestPropertySource(properties = "context=second")
    class SecondContextOnTheSameFolder {

        @Autowired
        FileStore store;

        @Test
        void opensTheFolderAndSeesWhatTheFirstWrote() {
            assertThat(store.collection("users").get("from-first")).isPresent();
            store.collection("users").put("from-second", Map.of("context", "second"));
        }
    }

    @Nested
    @Order(3)
    @SpringBootTest(classes = MinimalApplication.class)
    @TestPropertySource(properties = "context=first")
    class FirstContextAgain {

        @Autowired
        FileStore store;

        @Test
        void isTheCachedFirstContextReopenedWithWhatTheSecondWrote() {
            assertThat(store.collection("users").get("from-first")).isPresent();
            assertThat(store.collection("users").get("from-second")).isPresent();
        }
    }

    /** A new folder under target/, because the cached contexts hold it until the JVM exits. */
    private static Path newFolder() {
        try {
            return Files.createDirectories(Path.of("target", "cached-test-contexts", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

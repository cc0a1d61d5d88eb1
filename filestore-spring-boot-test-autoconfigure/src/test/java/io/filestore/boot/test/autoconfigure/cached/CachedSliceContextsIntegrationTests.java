package io.filestore.boot.test.autoconfigure.cached;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;

import io.filestore.FileStore;
import io.filestore.boot.test.autoconfigure.FileStoreTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two differently configured {@code @FileStoreTest} contexts kept by Spring's test context cache: each has
 * a temporary folder of its own, and the folder outlives the pause of its context (the cache pauses the
 * context it switches away from, which closes the store), so switching back reopens the store on what it
 * held. The folder goes only when the context closes.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class CachedSliceContextsIntegrationTests {

    private static Path firstFolder;

    @Nested
    @Order(1)
    @FileStoreTest(properties = "context=first")
    class FirstSlice {

        @Autowired
        FileStore store;

        @Test
        void writesARecord() {
            firstFolder = store.dataDir();
            store.collection("notes").put("from-first", Map.of("context", "first"));
        }
    }

    @Nested
    @Order(2)
    @FileStoreTest(properties = "context=second")
    class SecondSlice {

        @Autowired
        FileStore store;

        @Test
        void hasAFolderOfItsOwn() {
            assertThat(store.dataDir()).isNotEqualTo(firstFolder);
            assertThat(store.collection("notes").get("from-first")).isEmpty();
        }
    }

    @Nested
    @Order(3)
    @FileStoreTest(properties = "context=first")
    class FirstSliceAgain {

        @Autowired
        FileStore store;

        @Test
        void isTheCachedFirstContextReopenedOnItsFolder() {
            assertThat(store.dataDir()).isEqualTo(firstFolder);
            assertThat(store.collection("notes").get("from-first")).isPresent();
        }
    }
}

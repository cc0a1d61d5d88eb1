package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.postgres.PostgresSharedStorage;
import io.filestore.postgres.testing.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint of a shared store tells an operator its link to the database: writable, and why not. */
class SharedStoreEndpointTests {

    @TempDir
    Path dataDir;

    @Test
    void theReadShowsTheSharedLinkAndWhyItIsNotWritable() throws Exception {
        try (PostgresServer postgres = PostgresServer.start();
             FileStore store = FileStore.open(FileStoreOptions.builder(dataDir)
                     .shared(PostgresSharedStorage.of(postgres.url(), postgres.user(), null)).build())) {
            store.collection("users").put("u1", Map.of("name", "Ada"));
            FileStoreEndpoint endpoint = new FileStoreEndpoint(store, null);

            StoreDescriptor up = endpoint.store();
            assertThat(up.shared()).isNotNull();
            assertThat(up.shared().writable()).isTrue();
            assertThat(up.shared().appliedSequence()).isEqualTo(up.lastSequence());

            postgres.stop();
            try {
                store.collection("users").put("u2", Map.of("name", "Bob"));
            } catch (RuntimeException expected) {
                // the write fails fast while the database is down
            }
            StoreDescriptor down = endpoint.store();
            assertThat(down.shared().writable()).isFalse();
            assertThat(down.shared().problem()).isNotBlank();
            postgres.startAgain();
        }
        try (FileStore local = FileStore.open(dataDir.resolve("local"))) {
            assertThat(new FileStoreEndpoint(local, null).store().shared()).as("a store of its own").isNull();
        }
    }
}

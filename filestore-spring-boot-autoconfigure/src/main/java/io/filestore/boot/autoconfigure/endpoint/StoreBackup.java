package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Path;

import io.filestore.FileStore;

/**
 * The one call the endpoint's {@code backup} operation makes into the core: {@code FileStore.backup(Path)}
 * (issue 27, part 1), which writes a consistent copy of the store while it keeps serving, to a new or
 * empty folder, and answers with the sequence the copy holds.
 */
final class StoreBackup {

    private StoreBackup() {
    }

    /**
     * Backs the store up to the target folder.
     *
     * @return the sequence of the last transaction the copy holds
     */
    static long backup(FileStore store, Path target) {
        // TODO(issue 27, lead): wire once FileStore.backup(Path) is merged, replacing the throw below with
        //   return store.backup(target).sequence();
        // and remove @Disabled from FileStoreEndpointIntegrationTests.backupWritesACopyUnderTheRootThatOpens
        throw new UnsupportedOperationException("This build of FileStore has no FileStore.backup(Path) yet");
    }
}

package io.filestore;

import java.nio.file.Path;
import java.util.List;

import io.filestore.internal.store.FolderCheck;
import io.filestore.internal.store.FolderLayouts;

/**
 * Tools for a data folder that no store holds, for operators and the command-line tool: what it holds
 * and whether it is whole.
 */
public final class StoreFolder {

    private StoreFolder() {
    }

    /**
     * The persisted collections found in the folder, as options that read them back: the layouts the
     * folder's {@code _collections.json} records (else guessed from its entries: a folder is
     * {@code file-per-record}, {@code <name>.json} and {@code <name>.jsonl} are {@code single-file},
     * {@code <name>.jsonl.zst} is {@code compressed}), each indexing the fields that have an index file.
     * Unique constraints, the log setting and TTLs are not on disk: they are the defaults. Sorted by name.
     */
    public static List<CollectionOptions> collections(Path dataDir) {
        return FolderLayouts.find(dataDir);
    }

    /**
     * Checks every file of the folder the way the store's own open does, without changing anything in it:
     * the open runs on a scratch copy (hard links where possible, copies of the files it may cut or
     * append to) beside the folder, or in the temp folder, deleted afterwards. Where the open stops at a
     * problem (a damaged checkpoint, log or manifest, lost transactions), the check notes it and goes on
     * past it on the copy (without the log, or accepting the loss), so that one problem does not hide
     * another. Holds the folder's lock meanwhile.
     *
     * @throws StoreLockedException when a store holds the folder
     * @throws StorageException when the folder or the scratch copy cannot be read or written
     */
    public static CheckReport check(Path dataDir) {
        return FolderCheck.run(dataDir);
    }
}

package io.filestore.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.filestore.CheckReport;
import io.filestore.CollectionOptions;
import io.filestore.CorruptedFileException;
import io.filestore.FileStoreException;
import io.filestore.FileStoreOptions;
import io.filestore.IncompleteBackupException;
import io.filestore.StorageException;
import io.filestore.StoreLockedException;
import io.filestore.WriteAheadLogLossException;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.io.FolderCopy;
import io.filestore.internal.io.FolderCopy.FileEntry;
import io.filestore.internal.persist.LayoutManifest;
import io.filestore.internal.persist.QuarantineFolder;
import io.filestore.internal.wal.WriteAheadLog;
import io.filestore.spi.FolderLock;
import io.filestore.spi.FolderLockedException;
import io.filestore.spi.StorageIO;

/**
 * {@link io.filestore.StoreFolder#check}: the store's own open, run on a scratch copy of the folder, is
 * the check, so that it finds exactly what the open finds. Steps: lock the folder; copy it (a hard link
 * for each {@code .json} file outside the log, which the open only reads, renames or replaces; a copy of
 * the rest, which it may cut or append to); open the copy, and while the open stops at a problem, note
 * it and remove its cause from the copy (the log, the manifest, the incomplete-backup marker; a loss is
 * accepted); note what the open that succeeds quarantined and rewrote; delete the copy; release the lock.
 */
public final class FolderCheck {

    private static final int MAX_OPENS = 6;

    private final Path dataDir;
    private final Path scratch;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private FolderCheck(Path dataDir, Path scratch) {
        this.dataDir = dataDir;
        this.scratch = scratch;
    }

    /** Checks the folder; see {@link io.filestore.StoreFolder#check}. */
    public static CheckReport run(Path folder) {
        Path dataDir = folder.toAbsolutePath().normalize();
        StorageIO io = StorageIO.nio();
        if (!io.isDirectory(dataDir)) {
            return new CheckReport(dataDir, List.of(dataDir + ": not a folder"), List.of());
        }
        try (FolderLock lock = lock(io, dataDir)) {
            Path scratch = FolderCopy.createTempFolder(dataDir, ".filestore-check-");
            try {
                FolderCheck check = new FolderCheck(dataDir, scratch);
                check.copy();
                check.openUntilItOpens();
                return new CheckReport(dataDir, check.problems, check.notes);
            } finally {
                FolderCopy.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot check the data folder", dataDir, e);
        }
    }

    private static FolderLock lock(StorageIO io, Path dataDir) throws IOException {
        try {
            return io.lockFolder(dataDir, Store.LOCK_FILE);
        } catch (FolderLockedException e) {
            throw new StoreLockedException(e.folder(), e.getMessage() + "; stop the application that uses it first", e);
        }
    }

    private void copy() throws IOException {
        for (FileEntry file : FolderCopy.files(dataDir, FolderCheck::copied)) {
            Path source = dataDir.resolve(file.relative());
            Path copy = scratch.resolve(file.relative().toString());
            boolean onlyReplaced = file.relative().toString().endsWith(".json")
                    && !file.relative().startsWith(WriteAheadLog.FOLDER);
            if (!onlyReplaced || !FolderCopy.tryLink(source, copy)) {
                FolderCopy.copy(source, copy, file.size());
            }
            if (file.relative().startsWith(QuarantineFolder.FOLDER_NAME)) {
                notes.add(source + ": quarantined by an earlier open");
            }
        }
    }

    private static boolean copied(Path relative) {
        String name = relative.getFileName().toString();
        return !name.endsWith(AtomicFiles.TEMP_SUFFIX) && !(relative.getNameCount() == 1 && name.equals(Store.LOCK_FILE));
    }

    /** Opens the copy, removing each cause that stops the open, at most a few times. */
    private void openUntilItOpens() throws IOException {
        List<CollectionOptions> collections = new ArrayList<>();
        for (CollectionOptions options : FolderLayouts.find(dataDir)) {
            if (options.resolvePath(dataDir).startsWith(dataDir)) {
                collections.add(options);
            } else {
                notes.add(options.name() + ": not checked, its files are outside the data folder at "
                        + options.resolvePath(dataDir));
            }
        }
        boolean acceptLoss = false;
        for (int attempt = 0; attempt < MAX_OPENS; attempt++) {
            try (Store store = Store.open(options(collections, acceptLoss))) {
                report(store);
                return;
            } catch (IncompleteBackupException e) {
                problems.add(local(e.getMessage()));
                FolderCopy.deleteTree(scratch.resolve(Backup.INCOMPLETE_MARKER));
            } catch (WriteAheadLogLossException e) {
                e.losses().forEach(loss -> problems.add(dataDir.resolve(WriteAheadLog.FOLDER) + ": " + local(loss)));
                acceptLoss = true;
            } catch (CorruptedFileException e) {
                problems.add(local(e.getMessage()));
                if (!removeCause(e.path())) {
                    return;
                }
            } catch (FileStoreException e) {
                problems.add(local(e.getMessage()));
                return;
            }
        }
    }

    /** Removes from the copy what stopped its open, when the open can go on without it; false otherwise. */
    private boolean removeCause(Path file) throws IOException {
        Path relative = scratch.relativize(file.toAbsolutePath().normalize());
        if (relative.startsWith(WriteAheadLog.FOLDER)) {
            FolderCopy.deleteTree(scratch.resolve(WriteAheadLog.FOLDER));
            notes.add("the rest was checked without the write-ahead log");
            return true;
        }
        if (relative.toString().equals(LayoutManifest.FILE_NAME)) {
            FolderCopy.deleteTree(scratch.resolve(LayoutManifest.FILE_NAME));
            return true;
        }
        return false;
    }

    private FileStoreOptions options(List<CollectionOptions> collections, boolean acceptLoss) {
        FileStoreOptions.Builder builder = FileStoreOptions.builder(scratch).flushInterval(Duration.ofHours(1))
                .acceptLogLoss(acceptLoss);
        collections.forEach(builder::collection);
        return builder.build();
    }

    private void report(Store store) {
        for (String quarantined : store.status().quarantinedFiles()) {
            problems.add(local(quarantined));
        }
        for (String repair : store.indexRepairs()) {
            notes.add(local(repair));
        }
    }

    /** A message about the copy, about the folder instead. */
    private String local(String message) {
        return message.replace(scratch.toString(), dataDir.toString());
    }
}

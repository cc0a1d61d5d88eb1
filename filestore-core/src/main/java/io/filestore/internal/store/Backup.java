package io.filestore.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.filestore.BackupProgress;
import io.filestore.BackupResult;
import io.filestore.CollectionOptions;
import io.filestore.IncompleteBackupException;
import io.filestore.InvalidOptionsException;
import io.filestore.StorageException;
import io.filestore.Strategy;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.io.FolderCopy;
import io.filestore.internal.io.FolderCopy.FileEntry;
import io.filestore.internal.wal.WriteAheadLog;
import io.filestore.spi.StorageIO;

/**
 * {@link io.filestore.FileStore#backup}: a copy of the data folder as it is after one flush, in these steps
 * (docs/architecture.md, "Backup"):
 * <ol>
 *   <li><b>check</b> the target: new or empty, outside the data folder; else refused, nothing written;</li>
 *   <li><b>mark</b> it incomplete ({@value #INCOMPLETE_MARKER}, durable);</li>
 *   <li><b>take</b>, holding the flusher ({@link Flusher#whileHeld}): a flush, after which the files hold
 *       exactly the state at the log's checkpoint {@code S}; then every file of the folder but the lock,
 *       the log and temp files, each linked into the target (a file replaced by rename is never changed in
 *       place, so the link is that version), else linked into {@value #STAGING} in the data folder (same file
 *       system), else copied; the files of append-only collections, appended in place, are copied; and
 *       in the target's {@code _wal} a checkpoint at {@code S} with no segment;</li>
 *   <li><b>copy</b> the staged links to the target, the flusher released, then delete the staging;</li>
 *   <li><b>seal</b>: sync every folder of the target, then delete the marker.</li>
 * </ol>
 * No log segment is copied: the flush made the files cover everything up to {@code S}, and what came
 * after {@code S} must not be in the copy. One backup at a time per store (they share the staging folder).
 */
final class Backup {

    /** Present in a backup until it is complete; a folder holding it does not open. */
    static final String INCOMPLETE_MARKER = "_backup.incomplete";
    /** Hard links of a backup whose target is on another file system, in the data folder until copied. */
    static final String STAGING = "_backup.staging";

    private final Path dataDir;
    private final Flusher flusher;
    private final Supplier<WriteAheadLog> wal;
    private final Supplier<Collection<StoreCollection>> collections;

    Backup(Path dataDir, Flusher flusher, Supplier<WriteAheadLog> wal, Supplier<Collection<StoreCollection>> collections) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.flusher = flusher;
        this.wal = wal;
        this.collections = collections;
    }

    /** At open: a folder holding an incomplete backup is refused. */
    static void refuseIncomplete(StorageIO io, Path dataDir) {
        Path marker = dataDir.resolve(INCOMPLETE_MARKER);
        if (io.exists(marker)) {
            throw new IncompleteBackupException(dataDir, marker);
        }
    }

    /** At open: the staging links of a backup that was stopped are not data; they go. */
    static void deleteLeftoverStaging(Path dataDir) {
        Path staging = dataDir.resolve(STAGING);
        try {
            FolderCopy.deleteTree(staging);
        } catch (IOException e) {
            throw new StorageException("Cannot delete the staging folder of an interrupted backup", staging, e);
        }
    }

    synchronized BackupResult run(Path target, BackupProgress progress) {
        Path to = checkTarget(target);
        Path marker = to.resolve(INCOMPLETE_MARKER);
        try {
            deleteLeftoverStaging(dataDir);
            FolderCopy.createFolder(to);
            FolderCopy.writeDurably(marker, ("A backup of " + dataDir + " in progress or interrupted; this folder"
                    + " is not a complete copy until this file is gone.\n").getBytes(StandardCharsets.UTF_8));
            Taken taken = flusher.whileHeld(() -> take(to, progress));
            copyStaged(taken, to, progress);
            FolderCopy.syncFolders(to);
            FolderCopy.deleteDurably(marker);
            return taken.result(notIncluded());
        } catch (IOException e) {
            throw new StorageException("Cannot back up " + dataDir + " to " + to, to, e);
        } finally {
            deleteLeftoverStaging(dataDir);
        }
    }

    /** Step 1: the target, absolute; refused unless new or empty and outside the data folder. */
    private Path checkTarget(Path target) {
        Path to = target.toAbsolutePath().normalize();
        String allowed = "a folder that does not exist yet or is empty, outside the data folder " + dataDir;
        if (to.startsWith(dataDir) || dataDir.startsWith(to)) {
            throw new InvalidOptionsException("backup target", to, allowed);
        }
        try {
            if (!FolderCopy.isNewOrEmpty(to)) {
                throw new InvalidOptionsException("backup target", to, allowed);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read the backup target", to, e);
        }
        return to;
    }

    /** Step 3, holding the flusher: the flush, then every file linked or copied, then the checkpoint. */
    private Taken take(Path to, BackupProgress progress) {
        flusher.flush();
        WriteAheadLog log = wal.get();
        Taken taken = new Taken(log.checkpointSequence());
        try {
            List<FileEntry> files = FolderCopy.files(dataDir, Backup::included);
            taken.total = files.size() + 1; // and the checkpoint
            Set<Path> appended = appendedInPlace();
            for (FileEntry file : files) {
                taken.bytes += file.size();
                boolean staged = take(file, appended.contains(file.relative()), to, taken);
                if (!staged) {
                    progress.filesDone(++taken.done, taken.total);
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot take the files of " + dataDir + " for a backup", dataDir, e);
        }
        log.writeCheckpointInto(to, taken.sequence);
        taken.copied++;
        progress.filesDone(++taken.done, taken.total);
        return taken;
    }

    /**
     * One file: a link into the target, else into the staging folder, else a copy (always for appended
     * files); true when it was staged, to be copied later.
     */
    private boolean take(FileEntry file, boolean appended, Path to, Taken taken) throws IOException {
        Path source = dataDir.resolve(file.relative());
        Path copy = to.resolve(file.relative().toString());
        if (!appended && taken.linkToTarget) {
            taken.linkToTarget = FolderCopy.tryLink(source, copy);
            if (taken.linkToTarget) {
                taken.linked++;
                return false;
            }
        }
        if (!appended && taken.linkToStaging) {
            taken.linkToStaging = FolderCopy.tryLink(source, dataDir.resolve(STAGING).resolve(file.relative()));
            if (taken.linkToStaging) {
                taken.staged.add(file);
                return true;
            }
        }
        FolderCopy.copy(source, copy, file.size());
        taken.copied++;
        return false;
    }

    /** Step 4, the flusher released: the staged links copied to the target. */
    private void copyStaged(Taken taken, Path to, BackupProgress progress) throws IOException {
        Path staging = dataDir.resolve(STAGING);
        for (FileEntry file : taken.staged) {
            FolderCopy.copy(staging.resolve(file.relative()), to.resolve(file.relative().toString()), file.size());
            taken.copied++;
            progress.filesDone(++taken.done, taken.total);
        }
    }

    /** What the copy leaves out: files of the lock, the log, temp files, the staging folder and the marker. */
    private static boolean included(Path relative) {
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1 && (name.equals(Store.LOCK_FILE) || name.equals(WriteAheadLog.FOLDER)
                || name.equals(STAGING) || name.equals(INCOMPLETE_MARKER))) {
            return false;
        }
        return !name.endsWith(AtomicFiles.TEMP_SUFFIX);
    }

    /** The files a flush appends to instead of replacing: those of the append-only collections. */
    private Set<Path> appendedInPlace() {
        Set<Path> files = new HashSet<>();
        for (StoreCollection collection : collections.get()) {
            CollectionOptions options = collection.state().options();
            Path file = options.resolvePath(dataDir);
            if (options.appendOnly() && file.startsWith(dataDir)) {
                files.add(dataDir.relativize(file));
            }
        }
        return files;
    }

    private List<String> notIncluded() {
        List<String> left = new ArrayList<>();
        for (StoreCollection collection : collections.get()) {
            CollectionOptions options = collection.state().options();
            if (options.strategy() == Strategy.MEMORY_ONLY) {
                left.add(options.name() + ": memory-only, it has no files");
            } else if (!options.resolvePath(dataDir).startsWith(dataDir)) {
                left.add(options.name() + ": its files are outside the data folder, at " + options.resolvePath(dataDir));
            }
        }
        return left;
    }

    /** What step 3 took, and how: counts for the result, the files left to copy from the staging folder. */
    private static final class Taken {
        final long sequence;
        final List<FileEntry> staged = new ArrayList<>();
        boolean linkToTarget = true;
        boolean linkToStaging = true;
        int linked;
        int copied;
        long bytes;
        long done;
        long total;

        Taken(long sequence) {
            this.sequence = sequence;
        }

        BackupResult result(List<String> notIncluded) {
            return new BackupResult(sequence, (int) total, bytes, linked, copied, notIncluded);
        }
    }
}

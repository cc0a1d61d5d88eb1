package io.filestore.internal.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.filestore.spi.FolderLock;
import io.filestore.spi.FolderLockedException;
import io.filestore.spi.StorageIO;

/**
 * The OS lock on a data folder's lock file, and the check that the file locked is the one at the path.
 *
 * <p>An OS lock belongs to an open file, not to a path. Once the lock file is deleted or replaced,
 * another process creates a new file at the path, locks it and opens the folder, while this lock lives
 * on in the old, unlinked file. So the file's identity (its file key, device and inode on Linux; its
 * creation time where the file system has no keys) is read before the file is opened and again once it
 * is locked, and the attempt is repeated when the path named another file in between; while held,
 * {@link #fileState()} compares the path's identity with the locked one.
 */
final class LockFile implements FolderLock {

    /**
     * Folders locked by this JVM. The OS lock alone cannot detect a second open in the same JVM
     * without opening the lock file through a second channel, and closing that channel would drop
     * the first store's lock, so the JVM keeps its own registry in front of it.
     */
    private static final Set<Path> LOCKED_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    /** Attempts before giving up on a lock file that keeps changing under the open. */
    private static final int ATTEMPTS = 5;

    private final Path folder;
    private final Path file;
    private final FileChannel channel;
    private final Object identity;

    private LockFile(Path folder, Path file, FileChannel channel, Object identity) {
        this.folder = folder;
        this.file = file;
        this.channel = channel;
        this.identity = identity;
    }

    /** Locks {@code fileName} in the folder; see {@link StorageIO#lockFolder}. */
    static LockFile acquire(Path dir, String fileName) throws IOException {
        Path folder = dir.toRealPath();
        if (!LOCKED_IN_THIS_JVM.add(folder)) {
            throw new FolderLockedException(folder, "by another FileStore in this JVM");
        }
        try {
            Path file = folder.resolve(fileName);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                LockFile lock = tryAcquire(folder, file);
                if (lock != null) {
                    return lock;
                }
            }
            throw new IOException("The lock file " + file + " was deleted or replaced " + ATTEMPTS
                    + " times while this store was locking it; stop whatever removes it and open again");
        } catch (IOException | RuntimeException e) {
            LOCKED_IN_THIS_JVM.remove(folder);
            throw e;
        }
    }

    /** One attempt: {@code null} when the path named another file once locked than before it was opened. */
    private static @Nullable LockFile tryAcquire(Path folder, Path file) throws IOException {
        Object before = identityCreatingFile(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (NoSuchFileException deletedMeanwhile) {
            return null;
        }
        try {
            if (channel.tryLock() == null) {
                throw new FolderLockedException(folder, "by another process");
            }
            Object after = identityOf(file);
            if (before != null && before.equals(after)) {
                return new LockFile(folder, file, channel, after);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close(); // releases the lock on a file that is no longer (or never was) the one at the path
        return null;
    }

    private static Object identityCreatingFile(Path file) throws IOException {
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException expected) {
            // the usual case: an earlier store left it, and it is locked, not created, each time
        }
        return identityOf(file);
    }

    /** The identity of the file at the path, or {@code null} when there is none. */
    private static @Nullable Object identityOf(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException missing) {
            return null;
        }
        Object key = attributes.fileKey();
        return key != null ? key : attributes.creationTime();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public FileState fileState() throws IOException {
        Object now = identityOf(file);
        if (now == null) {
            return FileState.DELETED;
        }
        return now.equals(identity) ? FileState.IN_PLACE : FileState.REPLACED;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the OS lock; the file stays, as another store may hold a lock on it
        } finally {
            LOCKED_IN_THIS_JVM.remove(folder);
        }
    }
}

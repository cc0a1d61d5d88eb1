package io.filestore.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Copies of files and folder trees for a backup and a check: a hard link where the file system allows
 * one (the same inode: a consistent copy of a file that is only ever replaced by rename, never changed in
 * place), a copy of a given length otherwise, each forced, and the folders synced at the end. Stateless.
 */
public final class FolderCopy {

    /** A regular file under a root, by its path relative to the root and its size when listed. */
    public record FileEntry(Path relative, long size) {
    }

    private FolderCopy() {
    }

    /**
     * Every regular file under the root whose relative path {@code include} accepts, sorted by path; a
     * folder that is not included is not entered. Files that vanish while listed are left out.
     */
    public static List<FileEntry> files(Path root, Predicate<Path> include) throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                Path relative = root.relativize(path);
                if (relative.toString().isEmpty() || !Files.isRegularFile(path) || !includedAll(relative, include)) {
                    continue;
                }
                try {
                    entries.add(new FileEntry(relative, Files.size(path)));
                } catch (NoSuchFileException gone) {
                    // deleted between the walk and the size: nothing to take
                }
            }
        }
        return entries;
    }

    /** Whether the path and every folder above it are included. */
    private static boolean includedAll(Path relative, Predicate<Path> include) {
        for (int i = 1; i <= relative.getNameCount(); i++) {
            if (!include.test(relative.subpath(0, i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Links {@code target} to the inode of {@code source}, creating the target's folders.
     *
     * @return false when this file system cannot link the two (another device, no hard links, refused)
     * @throws IOException when the source is gone or the target exists
     */
    public static boolean tryLink(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, source);
            return true;
        } catch (FileAlreadyExistsException | NoSuchFileException e) {
            throw e;
        } catch (FileSystemException | UnsupportedOperationException cannotLink) {
            return false;
        }
    }

    /** Copies the first {@code length} bytes of {@code source} to a new {@code target}, forced to disk. */
    public static void copy(Path source, Path target, long length) throws IOException {
        Files.createDirectories(target.getParent());
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < length) {
                long moved = in.transferTo(done, length - done, out);
                if (moved <= 0) {
                    break; // the source is shorter than asked: it can only have been cut, keep what it has
                }
                done += moved;
            }
            out.force(true);
        }
    }

    /** Makes every folder entry under the root durable, deepest first, the root last. */
    public static void syncFolders(Path root) throws IOException {
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path folder : folders) {
            NioStorageIO.INSTANCE.syncDirectory(folder);
        }
    }

    /** Whether the path is missing, or an empty folder. */
    public static boolean isNewOrEmpty(Path path) throws IOException {
        if (!Files.exists(path)) {
            return true;
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes a folder and everything in it; nothing when it is missing. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /**
     * A new empty folder beside {@code near} (on its file system, so that links can reach it), or in the
     * system's temp folder when its parent cannot be written.
     */
    public static Path createTempFolder(Path near, String prefix) throws IOException {
        Path parent = near.toAbsolutePath().getParent();
        if (parent != null && Files.isWritable(parent)) {
            try {
                return Files.createTempDirectory(parent, prefix);
            } catch (IOException notThere) {
                // the temp folder below
            }
        }
        return Files.createTempDirectory(prefix);
    }

    /** Creates the folder and its parents. */
    public static void createFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
    }

    /** Writes a small new file, forced to disk, and syncs its folder. */
    public static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(content));
            out.force(true);
        }
        NioStorageIO.INSTANCE.syncDirectory(file.getParent());
    }

    /** Deletes a file and syncs its folder. */
    public static void deleteDurably(Path file) throws IOException {
        Files.deleteIfExists(file);
        NioStorageIO.INSTANCE.syncDirectory(file.getParent());
    }
}

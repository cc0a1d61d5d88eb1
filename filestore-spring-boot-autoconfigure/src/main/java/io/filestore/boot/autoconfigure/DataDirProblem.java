package io.filestore.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

import io.filestore.StorageException;

/**
 * Says what is wrong with a data folder the store failed to open (a file, inside a file, not writable,
 * on a read-only file system), so that startup reports {@code filestore.data-dir} and the problem
 * instead of the I/O error's stack trace.
 */
final class DataDirProblem {

    private static final String PROPERTY = "filestore.data-dir";

    private DataDirProblem() {
    }

    /**
     * The failure to report for an open that failed: an {@link InvalidFileStorePropertyException} when
     * the folder is {@code filestore.data-dir}'s and the cause is one of the known problems, else the
     * failure itself.
     */
    static RuntimeException explain(StorageException failure, Path dataDir, FileStoreProperties properties,
                                    Environment environment) {
        boolean fromProperties = properties.getDataDir().toAbsolutePath().normalize().equals(dataDir);
        Optional<Problem> problem = failure.path() != null && failure.path().startsWith(dataDir)
                ? problem(dataDir, failure.getCause()) : Optional.empty();
        if (!fromProperties || problem.isEmpty()) {
            // a folder from the application's own FileStoreOptions bean has no property to name
            return failure;
        }
        return InvalidFileStorePropertyException.unusableDataDir(PROPERTY, dataDir, problem.get().what(),
                problem.get().remedy(), OptionsFromProperties.origin(environment, PROPERTY), failure);
    }

    /**
     * What is wrong and what else than another folder fixes it.
     *
     * @param what   the end of a sentence about the folder ("is a file, not a folder")
     * @param remedy the end of a sentence that starts with the other folder ("move the file away")
     */
    private record Problem(String what, String remedy) {
    }

    private static Optional<Problem> problem(Path dataDir, Throwable cause) {
        if (!(cause instanceof IOException)) {
            return Optional.empty();
        }
        Path existing = deepestExisting(dataDir);
        if (existing != null && !Files.isDirectory(existing)) {
            return Optional.of(new Problem(existing.equals(dataDir) ? "is a file, not a folder"
                    : "cannot be created: '" + existing + "' is a file, not a folder", "move '" + existing + "' away"));
        }
        String user = System.getProperty("user.name");
        if (cause instanceof AccessDeniedException denied) {
            return Optional.of(new Problem("is not writable by this process (user '" + user + "'): access to '"
                    + denied.getFile() + "' was denied", "let user '" + user + "' write there"));
        }
        if (cause instanceof FileSystemException system && system.getReason() != null
                && system.getReason().toLowerCase(Locale.ROOT).contains("read-only")) {
            return Optional.of(new Problem("is not writable: '" + system.getFile() + "' is on a read-only file system",
                    "mount that file system writable"));
        }
        return Optional.empty();
    }

    /** The folder itself if it exists, else its nearest existing ancestor; {@code null} when none exists. */
    private static @Nullable Path deepestExisting(Path dir) {
        for (Path path = dir; path != null; path = path.getParent()) {
            if (Files.exists(path)) {
                return path;
            }
        }
        return null;
    }
}

package io.filestore.boot.autoconfigure.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * Where the endpoint's backups may go: folders under {@code filestore.backup.root}, so that a request
 * cannot make the application write wherever it can (over its own data folder, into a system folder).
 * A request names the folder relative to the root; an absolute folder is accepted only inside it. Links
 * are followed before the check, so a link under the root that leads out of it is refused too.
 * Thread-safe (immutable).
 */
final class BackupFolders {

    static final String ROOT_PROPERTY = "filestore.backup.root";

    private final @Nullable Path root;

    /** Backups under the root, or none when it is {@code null} (the property is unset). */
    BackupFolders(@Nullable Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /**
     * The folder a backup named {@code folder} goes to.
     *
     * @throws InvalidEndpointRequestException (a 400 over HTTP) when no root is configured, the folder is
     *                                         not named, or it lies outside the root or is the root itself
     */
    Path resolve(@Nullable String folder) {
        Path base = requireRoot();
        if (folder == null || folder.isBlank()) {
            throw refused("Name the backup's folder in 'folder', relative to " + ROOT_PROPERTY + " (" + base + ")");
        }
        Path target = parse(base, folder);
        if (!target.startsWith(base) || target.equals(base) || !realPathStaysUnder(base, target)) {
            throw refused("The backup folder '" + folder + "' is outside " + ROOT_PROPERTY + " (" + base
                    + "): name a folder under it, such as 'nightly-1'");
        }
        return target;
    }

    private Path requireRoot() {
        if (root == null) {
            throw refused("Backups through the endpoint are off: set '" + ROOT_PROPERTY
                    + "' to the folder they may be written under");
        }
        return root;
    }

    private static Path parse(Path base, String folder) {
        try {
            return base.resolve(folder).normalize();
        } catch (InvalidPathException e) {
            throw refused("The backup folder '" + folder + "' is not a valid path: " + e.getReason());
        }
    }

    /** Whether the target's closest existing ancestor, links followed, is still under the root's real path. */
    private static boolean realPathStaysUnder(Path base, Path target) {
        if (!Files.exists(base)) {
            return true; // nothing under it exists yet, so no link can lead out of it
        }
        try {
            Path existing = target;
            while (!Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing.toRealPath().startsWith(base.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the backup folder " + target, e);
        }
    }

    private static InvalidEndpointRequestException refused(String reason) {
        return new InvalidEndpointRequestException(reason, reason);
    }
}

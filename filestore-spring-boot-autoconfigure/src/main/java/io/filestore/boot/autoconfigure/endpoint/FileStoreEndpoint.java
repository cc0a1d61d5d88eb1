package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.filestore.FileStore;
import io.filestore.StoreStatus;

/**
 * The {@code filestore} Actuator endpoint. Like every Actuator endpoint it is reachable over HTTP only
 * once exposed ({@code management.endpoints.web.exposure.include=filestore}), and its write operations
 * follow Boot's access rules ({@code management.endpoint.filestore.access=read-only} leaves them out) and
 * Spring Security's rules for {@code EndpointRequest.to("filestore")} when Spring Security is present.
 * <ul>
 * <li>{@code GET /actuator/filestore}: the whole store ({@link StoreDescriptor}).</li>
 * <li>{@code GET /actuator/filestore/{collection}}: one collection; 404 when the store has none of that
 *     name (reading never creates one).</li>
 * <li>{@code POST /actuator/filestore/flush}: writes every changed record to its files now.</li>
 * <li>{@code POST /actuator/filestore/backup} with {@code {"folder": "nightly-1"}}: a consistent copy of
 *     the store in that folder under {@code filestore.backup.root}.</li>
 * </ul>
 * Thread-safe: every operation asks the store, which is.
 */
@Endpoint(id = "filestore")
public class FileStoreEndpoint {

    private final FileStore store;
    private final BackupFolders backups;

    /**
     * The endpoint of a store.
     *
     * @param backupRoot the folder backups may be written under; {@code null} refuses the backup operation
     */
    public FileStoreEndpoint(FileStore store, @Nullable Path backupRoot) {
        this.store = store;
        this.backups = new BackupFolders(backupRoot);
    }

    /** The store's state now. */
    @ReadOperation
    public StoreDescriptor store() {
        return StoreDescriptor.of(store);
    }

    /** One collection, or {@code null} (a 404) when the store has none of that name. */
    @ReadOperation
    public StoreDescriptor.@Nullable CollectionDescriptor collection(@Selector String collection) {
        if (!store.collectionNames().contains(collection)) {
            return null;
        }
        return StoreDescriptor.CollectionDescriptor.of(store.collection(collection).options(), store.status());
    }

    /**
     * Runs an operation: {@code flush}, or {@code backup} into {@code folder}.
     *
     * @throws InvalidEndpointRequestException (a 400 over HTTP) for another operation, or a backup folder
     *                                         that is missing or outside the root
     */
    @WriteOperation
    public OperationDescriptor run(@Selector String operation, @Nullable String folder) {
        return switch (operation) {
            case "flush" -> flush();
            case "backup" -> backup(folder);
            default -> throw new InvalidEndpointRequestException("Unknown operation '" + operation
                    + "': use flush or backup", "Unknown operation '" + operation + "': use flush or backup");
        };
    }

    private OperationDescriptor flush() {
        long started = System.nanoTime();
        store.flush();
        return OperationDescriptor.of("flush", started, store.status(), null);
    }

    private OperationDescriptor backup(@Nullable String folder) {
        Path target = backups.resolve(folder);
        long started = System.nanoTime();
        long sequence = store.backup(target).sequence();
        return new OperationDescriptor("backup", Duration.ofNanos(System.nanoTime() - started).toString(), sequence,
                target.toString());
    }

    /**
     * What a write operation did.
     *
     * @param operation flush or backup
     * @param took      how long it took, ISO-8601
     * @param sequence  the last committed sequence the flush covers, or the one the backup holds
     * @param target    the backup's folder; {@code null} for a flush
     */
    public record OperationDescriptor(String operation, String took, long sequence, @Nullable String target)
            implements OperationResponseBody {

        static OperationDescriptor of(String operation, long startedNanos, StoreStatus after, @Nullable String target) {
            return new OperationDescriptor(operation, Duration.ofNanos(System.nanoTime() - startedNanos).toString(),
                    after.lastSequence(), target);
        }
    }
}

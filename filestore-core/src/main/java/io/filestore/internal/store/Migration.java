package io.filestore.internal.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CollectionOptions;
import io.filestore.InvalidOptionsException;
import io.filestore.internal.json.Json;
import io.filestore.internal.persist.LayoutManifest;
import io.filestore.internal.persist.LayoutManifest.Layout;
import io.filestore.internal.persist.Persisters;
import io.filestore.internal.persist.StorePersistContext;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.FileBatch;

/**
 * Moves a collection whose strategy, path or format changed since the last open: its records are
 * read through the old layout, written through the new one (atomically, durably), the manifest is
 * updated, and only then is the old layout removed. A crash before the manifest update repeats the
 * migration from the intact old layout; a crash after it leaves old files that are no longer read.
 */
final class Migration {

    private static final Logger log = LoggerFactory.getLogger(Migration.class);

    private final LayoutManifest manifest;
    private final StorePersistContext context;
    private final Json json;

    Migration(LayoutManifest manifest, StorePersistContext context, Json json) {
        this.manifest = manifest;
        this.context = context;
        this.json = json;
    }

    /**
     * Brings the collection's files to the layout its options describe.
     *
     * @throws InvalidOptionsException when a persisted collection became {@code memory-only} while its
     *                                 files are still there (they would be silently dropped)
     */
    void migrateIfMoved(CollectionOptions options) {
        if (options.persister() != null) {
            return; // a custom persister's layout is its own business
        }
        String name = options.name();
        Layout old = manifest.get(name);
        boolean oldExists = old != null && context.io().exists(old.path());
        if (!options.strategy().isPersistent()) {
            if (oldExists) {
                throw new InvalidOptionsException("collections." + name + ".strategy", options.strategy().configName(),
                        "a persisted strategy while " + old.path() + " holds its records (stored as "
                                + old.strategy().configName() + "); to drop them, delete that path first");
            }
            return;
        }
        Layout now = Layout.of(options, context.dataDir());
        if (oldExists && !old.equals(now)) {
            move(name, old, options, now);
        }
        manifest.record(name, now);
    }

    private void move(String name, Layout old, CollectionOptions options, Layout now) {
        CollectionPersister from = Persisters.forCollection(old.toOptions(name), context);
        Map<String, byte[]> records = new ConcurrentHashMap<>();
        from.load((id, node) -> records.put(id, json.toBytes(node)));
        CollectionPersister to = Persisters.forCollection(options, context);
        to.load((id, node) -> { }); // creates the new folders; what an interrupted migration left is overwritten
        FileBatch write = new FileBatch();
        to.stage(records, records, write);
        context.files().apply(write);
        manifest.record(name, now);
        FileBatch removal = new FileBatch();
        from.stageRemoval(records.keySet(), removal);
        context.files().apply(removal);
        log.info("Migrated collection '{}' ({} records) from {} at {} to {} at {}", name, records.size(),
                describe(old), old.path(), describe(now), now.path());
    }

    private static String describe(Layout layout) {
        return layout.strategy().configName() + (layout.format() == null ? "" : " " + layout.format().configName())
                + (layout.appendOnly() ? " append-only" : "");
    }
}

package io.filestore;

import java.util.List;

/**
 * Called once per committed transaction that changed a collection, with that collection's changes,
 * under the same rules as {@link RecordListener}.
 */
@FunctionalInterface
public interface CollectionListener {
    void onChange(List<RecordChange> changes);
}

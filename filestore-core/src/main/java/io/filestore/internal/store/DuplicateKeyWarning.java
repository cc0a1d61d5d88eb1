package io.filestore.internal.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.internal.index.FieldIndex;

/**
 * Reports unique-index duplicates found in files at open (possible only through edits outside
 * FileStore). Both records are kept, since dropping one would lose data; writes that keep the
 * duplicate are still refused.
 */
final class DuplicateKeyWarning {

    private static final Logger log = LoggerFactory.getLogger(DuplicateKeyWarning.class);

    private DuplicateKeyWarning() {
    }

    static void warnAboutDuplicates(CollectionState state) {
        for (FieldIndex index : state.indexes().all()) {
            if (!index.isUnique()) {
                continue;
            }
            index.forEachSharedKey((key, ids) -> log.warn("Collection '{}' has {} records with the same unique {} = {} on disk: {}",
                    state.name(), ids.size(), index.field(), key, ids));
        }
    }
}

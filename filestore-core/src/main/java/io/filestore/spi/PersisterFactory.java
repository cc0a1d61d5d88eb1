package io.filestore.spi;

import java.nio.file.Path;

import io.filestore.CollectionOptions;

/**
 * Makes the persister of a collection that stores itself its own way (FileStore's equivalent of a
 * TinyBase custom persister). Set it with {@link CollectionOptions.Builder#persister}; the store then
 * calls it instead of choosing a built-in strategy. The persister receives the same
 * {@link PersistContext} as the built-in ones, so it can use the store's atomic batch writes, JSON
 * codec, thread pool and quarantine.
 */
@FunctionalInterface
public interface PersisterFactory {

    /**
     * The persister for a collection.
     *
     * @param options the collection's options
     * @param path    where the collection lives ({@link CollectionOptions#resolvePath} of the data folder)
     * @param context what the store shares with persisters
     */
    CollectionPersister create(CollectionOptions options, Path path, PersistContext context);
}

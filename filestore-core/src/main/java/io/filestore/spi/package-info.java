/**
 * The service-provider interface: what a user implements to plug into the store. A
 * {@link io.filestore.spi.PersisterFactory} (set with {@code CollectionOptions.Builder.persister}) stores
 * a collection in a layout of its own through a {@link io.filestore.spi.CollectionPersister}, with what
 * the store lends it in a {@link io.filestore.spi.PersistContext}; a {@link io.filestore.spi.StorageIO}
 * (set with {@code FileStoreOptions.Builder.storageIO}) replaces every disk access, for example to inject
 * faults in tests.
 */
@NullMarked
package io.filestore.spi;

import org.jspecify.annotations.NullMarked;

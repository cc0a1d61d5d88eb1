/**
 * The only layer that touches {@code java.nio.file}: the default {@link io.filestore.spi.StorageIO}, the
 * atomic batch writer, the folder lock and the folder watcher. It imports no other layer of FileStore,
 * only the SPI it implements and the API's exceptions. Internal: not for use outside FileStore.
 */
@NullMarked
package io.filestore.internal.io;

import org.jspecify.annotations.NullMarked;

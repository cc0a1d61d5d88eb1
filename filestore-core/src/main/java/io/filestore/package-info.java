/**
 * The public API of FileStore: open a {@link io.filestore.FileStore} with {@link io.filestore.FileStoreOptions},
 * read and write {@link io.filestore.DocumentCollection}s, run {@link io.filestore.Transaction}s and listen to
 * committed changes. With {@code io.filestore.query}, {@code io.filestore.relation},
 * {@code io.filestore.annotation} and the add-ons beside them, this is what applications use; what they
 * plug in is in {@code io.filestore.spi}; {@code io.filestore.internal} is the implementation.
 */
@NullMarked
package io.filestore;

import org.jspecify.annotations.NullMarked;

/**
 * The public API of FileStore: open a {@link io.filestore.FileStore} with {@link io.filestore.FileStoreOptions},
 * read and write {@link io.filestore.DocumentCollection}s, run {@link io.filestore.Transaction}s and listen to
 * committed changes.
 */
package io.filestore;

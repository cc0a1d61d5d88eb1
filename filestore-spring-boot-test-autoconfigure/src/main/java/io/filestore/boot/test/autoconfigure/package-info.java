/**
 * The {@code @FileStoreTest} test slice (FileStore and its repositories only) and
 * {@code @AutoConfigureFileStore} for other slices, both on a temporary folder.
 */
@NullMarked
package io.filestore.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;

/** The {@code @FileStoreTest} test slice: FileStore and its repositories only, on a temporary folder. */
package io.filestore.boot.test.autoconfigure;

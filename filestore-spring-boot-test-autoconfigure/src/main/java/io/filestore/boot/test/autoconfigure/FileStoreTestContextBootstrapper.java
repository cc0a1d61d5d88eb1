package io.filestore.boot.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link FileStoreTest#properties()} into the test's environment. */
class FileStoreTestContextBootstrapper extends TestSliceTestContextBootstrapper<FileStoreTest> {
}

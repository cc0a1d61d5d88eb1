package io.filestore.boot.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/** Leaves the application's components out of a {@link FileStoreTest}, unless its filters include them. */
final class FileStoreTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<FileStoreTest> {

    FileStoreTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }
}

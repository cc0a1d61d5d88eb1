package io.filestore.boot.test.autoconfigure;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the {@code @FileStoreTest} slice test finds by searching up its package. */
@SpringBootApplication
public class SliceApplication {
}

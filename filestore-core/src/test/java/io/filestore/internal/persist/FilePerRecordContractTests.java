package io.filestore.internal.persist;

import java.nio.file.Files;
import java.nio.file.Path;

import io.filestore.CollectionOptions;

class FilePerRecordContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things");
    }

    @Override
    Path recordsPath() {
        return dir.resolve("things");
    }

    @Override
    Path damage() throws Exception {
        Path file = dir.resolve("things/ok.json");
        Files.writeString(file, "{\"broken\": ");
        return file;
    }
}

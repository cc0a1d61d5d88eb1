package io.filestore.internal.persist;

import java.nio.file.Files;
import java.nio.file.Path;

import io.filestore.CollectionOptions;

/** A user-written persister plugged in through the SPI passes the same contract as the built-in ones. */
class CustomPersisterContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things")
                .persister((options, path, context) -> new TextFilePerRecordPersister(options.name(), path, context));
    }

    @Override
    Path recordsPath() {
        return dir.resolve("things");
    }

    @Override
    Path damage() throws Exception {
        Path file = dir.resolve("things/ok.txt");
        Files.writeString(file, "{\"broken\": ");
        return file;
    }
}

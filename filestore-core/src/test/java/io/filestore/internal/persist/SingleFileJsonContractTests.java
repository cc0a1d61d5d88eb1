package io.filestore.internal.persist;

import java.nio.file.Path;

import io.filestore.CollectionOptions;
import io.filestore.Strategy;

class SingleFileJsonContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things").strategy(Strategy.SINGLE_FILE);
    }

    @Override
    Path recordsPath() {
        return dir.resolve("things.json");
    }
}

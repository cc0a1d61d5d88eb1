package io.filestore.internal.persist;

import java.nio.file.Path;

import io.filestore.CollectionOptions;
import io.filestore.Format;
import io.filestore.Strategy;

class SingleFileJsonLinesContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things").strategy(Strategy.SINGLE_FILE).format(Format.JSONL)
                .path(Path.of("files/things.jsonl"));
    }

    @Override
    Path recordsPath() {
        return dir.resolve("files/things.jsonl");
    }
}

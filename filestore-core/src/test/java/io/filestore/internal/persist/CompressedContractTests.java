package io.filestore.internal.persist;

import java.nio.file.Path;

import io.filestore.CollectionOptions;
import io.filestore.Strategy;

class CompressedContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things").strategy(Strategy.COMPRESSED).path(Path.of("/absolute-is-allowed-too").relativize(Path.of("/absolute-is-allowed-too/z/things.jsonl.zst")));
    }

    @Override
    Path recordsPath() {
        return dir.resolve("z/things.jsonl.zst");
    }
}

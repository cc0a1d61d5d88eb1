package io.filestore.internal.persist;

import java.nio.file.Files;
import java.nio.file.Path;

import io.filestore.CollectionOptions;
import io.filestore.Format;
import io.filestore.Strategy;

class AppendOnlyContractTests extends PersisterContractTests {

    @Override
    CollectionOptions.Builder things() {
        return CollectionOptions.builder("things").strategy(Strategy.SINGLE_FILE).format(Format.JSONL).appendOnly(true)
                .path(Path.of("logs/things.jsonl"));
    }

    @Override
    Path recordsPath() {
        return dir.resolve("logs/things.jsonl");
    }

    @Override
    Path damage() throws Exception {
        // a bad line followed by a good one is damage, not a torn tail
        Files.writeString(recordsPath(), "{\"id\":\"x\",\"broken\n{\"id\":\"ok\",\"email\":\"ok@x.io\"}\n");
        return recordsPath();
    }
}

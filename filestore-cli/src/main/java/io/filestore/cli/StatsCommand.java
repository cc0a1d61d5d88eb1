package io.filestore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.StoreStatus;
import io.filestore.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code filestore stats <folder>}: collections, records, sizes on disk, index sizes, the log. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints each collection (strategy, records, size on disk, index files and their size), the"
                + " global values and the write-ahead log. Opens the folder (an interrupted flush is recovered).")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder")
    Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dataDir = folder.toAbsolutePath().normalize();
        List<CollectionOptions> collections = Folders.collections(dataDir);
        try (FileStore store = FileStore.open(Folders.options(dataDir, collections).build())) {
            out.printf("%-24s %-16s %10s %12s %8s %12s%n", "collection", "strategy", "records", "on disk", "indexes",
                    "index files");
            for (CollectionOptions options : collections) {
                Path path = options.resolvePath(dataDir);
                Path indexes = indexFolder(options, dataDir);
                long indexBytes = Folders.size(indexes);
                long dataBytes = Folders.size(path) - (indexes.startsWith(path) ? indexBytes : 0);
                out.printf("%-24s %-16s %10d %12s %8d %12s%n", options.name(), describe(options),
                        store.collection(options.name()).count(), Folders.human(dataBytes), options.indexed().size(),
                        Folders.human(indexBytes));
            }
            StoreStatus status = store.status();
            out.printf("values: %d (%s)%n", store.valueKeys().size(), Folders.human(Folders.size(dataDir.resolve("_values.json"))));
            out.printf("log: %d segment(s), %s, last sequence %d, checkpoint %d%n", status.wal().segments(),
                    Folders.human(Folders.size(dataDir.resolve("_wal"))), status.lastSequence(),
                    status.wal().checkpointSequence());
            out.printf("quarantined: %d file(s)%n", status.quarantinedFiles().size());
            out.printf("total on disk: %s%n", Folders.human(Folders.size(dataDir)));
        }
        out.flush();
        return 0;
    }

    /** Where the store keeps a collection's index files (docs/architecture.md, persisters). */
    private static Path indexFolder(CollectionOptions options, Path dataDir) {
        Path path = options.resolvePath(dataDir);
        return options.strategy() == Strategy.FILE_PER_RECORD ? path.resolve("indices")
                : path.getParent().resolve("indices").resolve(options.name());
    }

    private static String describe(CollectionOptions options) {
        String strategy = options.strategy().configName();
        if (options.appendOnly()) {
            return strategy + " append";
        }
        return options.format() == null ? strategy : strategy + " " + options.format().configName();
    }
}

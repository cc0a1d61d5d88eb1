package io.filestore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code filestore compact <folder>}: an open and a close, whose flush rewrites every one-file collection
 * whole and drops the log segments the checkpoint covers; each append-only collection is rewritten with its
 * live records only by the store's own migration, moved to {@code <name>.compacting.jsonl} and back (a
 * crash in between leaves it at either path, recorded in {@code _collections.json}, and the next open with
 * the usual options moves it back).
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Rewrites one-file and append-only collections with their live records only and drops the"
                + " write-ahead log segments the checkpoint covers.")
final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder")
    Path folder;

    @Override
    public Integer call() {
        Path dataDir = folder.toAbsolutePath().normalize();
        List<CollectionOptions> collections = Folders.collections(dataDir);
        long before = Folders.size(dataDir);
        List<CollectionOptions> moved = new ArrayList<>();
        for (CollectionOptions options : collections) {
            moved.add(options.appendOnly() && options.resolvePath(dataDir).startsWith(dataDir) ? aside(options) : options);
        }
        try (FileStore store = FileStore.open(Folders.options(dataDir, moved).build())) {
            store.flush();
        }
        try (FileStore store = FileStore.open(Folders.options(dataDir, collections).build())) {
            store.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("compacted " + dataDir + ": " + Folders.human(before) + " -> " + Folders.human(Folders.size(dataDir)));
        out.flush();
        return 0;
    }

    /** The same append-only layout at another path: the migration there and back rewrites the file. */
    private static CollectionOptions aside(CollectionOptions options) {
        return CollectionOptions.builder(options.name()).strategy(options.strategy()).format(options.format())
                .appendOnly(true).path(Path.of(options.name() + ".compacting.jsonl"))
                .indexed(options.indexed().toArray(String[]::new)).build();
    }
}

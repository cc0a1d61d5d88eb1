package io.filestore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code filestore shared-import --url <jdbc-url> --user <user> <folder>}: moves a data folder into a shared
 * store (the first step from one machine to several instances). Opens the folder as a store (taking its
 * lock) and a store instance on the database with the folder's collections declared shared (indexes and
 * unique fields kept), and copies every record and value through the API. The shared store must not hold
 * records of those collections or values yet, so nothing is mixed or overwritten; the folder is left as it was.
 */
@Command(name = "shared-import", mixinStandardHelpOptions = true,
        description = "Copies every collection and value of the data folder into an empty shared store on PostgreSQL"
                + " (" + Copying.BATCH + " records per transaction). The folder is not changed.")
final class SharedImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedDatabase database;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder to copy")
    Path folder;

    @Override
    public Integer call() throws IOException {
        Path dataDir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("Invalid value '" + folder + "' for <folder>; allowed: a data folder");
        }
        List<CollectionOptions> collections = Folders.collections(dataDir);
        PrintWriter out = spec.commandLine().getOut();
        try (FileStore local = FileStore.open(Folders.options(dataDir, collections).build());
             SharedDatabase.Instance shared = database.open(collections)) {
            requireEmpty(shared.store(), collections);
            for (CollectionOptions options : collections) {
                int copied = Copying.collection(local, shared.store(), options.name(), spec.commandLine().getErr());
                out.println(options.name() + ": " + copied + " record(s)");
            }
            out.println("values: " + Copying.values(local, shared.store()));
        }
        out.flush();
        return 0;
    }

    private static void requireEmpty(FileStore shared, List<CollectionOptions> collections) {
        for (CollectionOptions options : collections) {
            int count = shared.collection(options.name()).count();
            if (count > 0) {
                throw new IllegalStateException("The shared store already holds " + count + " record(s) of collection '"
                        + options.name() + "'; shared-import fills only collections the shared store has no records"
                        + " of. Nothing was copied.");
            }
        }
        if (!shared.valueKeys().isEmpty()) {
            throw new IllegalStateException("The shared store already holds " + shared.valueKeys().size()
                    + " global value(s); shared-import fills only a shared store without values. Nothing was copied.");
        }
    }
}

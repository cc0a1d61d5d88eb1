package io.filestore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code filestore shared-export --url <jdbc-url> --user <user> [--like <folder>] <out>}: writes a shared
 * store back to a data folder in the ordinary layout, which a store of one machine opens as it is. Every
 * collection the database holds is copied; its strategy, path, format and indexes are those of the
 * collection of the same name in the {@code --like} folder (the folder it was imported from, or a backup of
 * it), else {@code file-per-record} without indexes.
 */
@Command(name = "shared-export", mixinStandardHelpOptions = true,
        description = "Copies every collection and value of a shared store on PostgreSQL into a new data folder,"
                + " with the collection settings of the --like folder. The shared store is not changed.")
final class SharedExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SharedDatabase database;

    @Parameters(index = "0", paramLabel = "<out>", description = "a new or empty folder for the data folder")
    Path out;

    @Option(names = "--like", paramLabel = "<folder>",
            description = "a data folder whose collection settings (strategy, path, format, indexes) to use")
    @Nullable Path like;

    @Override
    public Integer call() throws IOException {
        if (!Folders.isNewOrEmpty(out)) {
            throw new IllegalArgumentException("Invalid value '" + out + "' for <out>; allowed: a folder that does not"
                    + " exist yet or is empty");
        }
        List<CollectionOptions> collections = settings(database.collectionNames());
        Path dataDir = out.toAbsolutePath().normalize();
        PrintWriter stdout = spec.commandLine().getOut();
        try (SharedDatabase.Instance shared = database.open(collections);
             FileStore local = FileStore.open(Folders.options(dataDir, collections).build())) {
            for (CollectionOptions options : collections) {
                int copied = Copying.collection(shared.store(), local, options.name(), spec.commandLine().getErr());
                stdout.println(options.name() + ": " + copied + " record(s)");
            }
            stdout.println("values: " + Copying.values(shared.store(), local));
        }
        stdout.flush();
        return 0;
    }

    /** Each shared collection's settings in the folder written: the --like folder's, else the defaults. */
    private List<CollectionOptions> settings(List<String> names) {
        Map<String, CollectionOptions> template = new LinkedHashMap<>();
        if (like != null) {
            Path folder = like.toAbsolutePath().normalize();
            if (Folders.collections(folder).isEmpty()) {
                throw new IllegalArgumentException("Invalid value '" + like + "' for --like; allowed: a data folder"
                        + " that holds collections");
            }
            Folders.collections(folder).forEach(options -> template.put(options.name(), options));
        }
        return names.stream().map(name -> template.getOrDefault(name, CollectionOptions.builder(name).build())).toList();
    }
}

package io.filestore.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code filestore export <folder> <out>}: one JSON Lines file per collection ({@code <name>.jsonl}, a line
 * {@code {"id":"u1","record":{...}}} per record, in id order) and {@value #VALUES_FILE} for the global values
 * ({@code {"key":"k","value":...}}), which {@code import} reads back into any store, strategy or machine.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every collection to <out>/<collection>.jsonl (one {\"id\":...,\"record\":{...}} per line)"
                + " and the global values to <out>/" + ExportCommand.VALUES_FILE + ". <out> must be new or empty.")
final class ExportCommand implements Callable<Integer> {

    /** The export file of the global values; its leading {@code _} is not a valid collection name. */
    static final String VALUES_FILE = "_values.jsonl";

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder")
    Path folder;

    @Parameters(index = "1", paramLabel = "<out>", description = "a new or empty folder for the .jsonl files")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!Folders.isNewOrEmpty(out)) {
            throw new IllegalArgumentException("Invalid value '" + out + "' for <out>; allowed: a folder that does not"
                    + " exist yet or is empty");
        }
        Path dataDir = folder.toAbsolutePath().normalize();
        List<CollectionOptions> collections = Folders.collections(dataDir);
        PrintWriter stdout = spec.commandLine().getOut();
        Files.createDirectories(out);
        try (FileStore store = FileStore.open(Folders.options(dataDir, collections).build())) {
            for (CollectionOptions options : collections) {
                int written = export(store.collection(options.name()), out.resolve(options.name() + ".jsonl"));
                stdout.println(options.name() + ": " + written + " record(s)");
            }
            exportValues(store, out.resolve(VALUES_FILE));
            stdout.println("values: " + store.valueKeys().size());
        }
        stdout.flush();
        return 0;
    }

    private int export(DocumentCollection collection, Path file) throws IOException {
        ProgressBar bar = new ProgressBar(collection.name(), spec.commandLine().getErr());
        int total = collection.count();
        int[] done = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            collection.ids().stream().sorted().forEach(id -> collection.get(id).ifPresent(record -> {
                ObjectNode line = MAPPER.createObjectNode().put("id", id);
                line.set("record", record);
                writeLine(writer, line);
                bar.update(++done[0], total);
            }));
        }
        bar.finish();
        return done[0];
    }

    private static void exportValues(FileStore store, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            store.valueKeys().stream().sorted().forEach(key -> {
                ObjectNode line = MAPPER.createObjectNode().put("key", key);
                line.set("value", store.getValue(key).orElseThrow());
                writeLine(writer, line);
            });
        }
    }

    private static void writeLine(BufferedWriter writer, ObjectNode line) {
        try {
            writer.write(MAPPER.writeValueAsString(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.filestore.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code filestore import <folder> <in>}: puts every record of {@code <in>/<collection>.jsonl} (as
 * {@code export} writes them) into the store, {@value #BATCH} records per transaction; a collection the
 * folder does not hold yet is created with {@code --strategy}. Records with the same id are replaced.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Reads every <in>/<collection>.jsonl written by 'export' (and " + ExportCommand.VALUES_FILE
                + ") into the store in <folder>, creating it if needed; a record with an existing id is replaced.")
final class ImportCommand implements Callable<Integer> {

    private static final int BATCH = 1000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<folder>", description = "the data folder (created when missing)")
    Path folder;

    @Parameters(index = "1", paramLabel = "<in>", description = "the folder of .jsonl files")
    Path in;

    @Option(names = "--strategy", defaultValue = "file-per-record",
            description = "the strategy of collections the folder does not hold yet: file-per-record, single-file or"
                    + " compressed (default: ${DEFAULT-VALUE})")
    String strategy;

    @Override
    public Integer call() throws IOException {
        Strategy newStrategy = Strategy.fromConfigName("--strategy", strategy); // a bad name fails before anything
        if (!Files.isDirectory(in)) {
            throw new IllegalArgumentException("Invalid value '" + in + "' for <in>; allowed: a folder of .jsonl files");
        }
        Path dataDir = folder.toAbsolutePath().normalize();
        Map<String, CollectionOptions> collections = new LinkedHashMap<>();
        Folders.collections(dataDir).forEach(options -> collections.put(options.name(), options));
        List<Path> files = jsonlFiles();
        for (Path file : files) {
            String name = collectionOf(file);
            if (name != null) {
                collections.computeIfAbsent(name, n -> CollectionOptions.builder(n).strategy(newStrategy).build());
            }
        }
        for (Path file : files) {
            validate(file, collectionOf(file) == null);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (FileStore store = FileStore.open(Folders.options(dataDir, List.copyOf(collections.values())).build())) {
            for (Path file : files) {
                String name = collectionOf(file);
                int count = name == null ? importValues(store, file) : importRecords(store, name, file);
                out.println((name == null ? "values" : name) + ": " + count);
            }
        }
        out.flush();
        return 0;
    }

    private List<Path> jsonlFiles() throws IOException {
        try (Stream<Path> entries = Files.list(in)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** The collection a file fills, or {@code null} for the values file. */
    private static String collectionOf(Path file) {
        String name = file.getFileName().toString();
        return name.equals(ExportCommand.VALUES_FILE) ? null : name.substring(0, name.length() - ".jsonl".length());
    }

    private int importRecords(FileStore store, String name, Path file) throws IOException {
        ProgressBar bar = new ProgressBar(name, spec.commandLine().getErr());
        long size = Math.max(1, Files.size(file));
        int count = 0;
        long read = 0;
        List<JsonNode> batch = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                read += line.length() + 1;
                if (line.isBlank()) {
                    continue;
                }
                batch.add(parse(file, lineNumber, line, "id", "record"));
                if (batch.size() == BATCH) {
                    count += put(store, name, batch);
                    bar.update(read, size);
                }
            }
        }
        count += put(store, name, batch);
        bar.update(size, size);
        bar.finish();
        return count;
    }

    /** Reads every line first, so that a bad one stops the import before anything is written. */
    private static void validate(Path file, boolean values) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    parse(file, lineNumber, line, values ? "key" : "id", values ? "value" : "record");
                }
            }
        }
    }

    private static int put(FileStore store, String name, List<JsonNode> batch) {
        int size = batch.size();
        store.runInTransaction(tx -> batch.forEach(line ->
                store.collection(name).put(line.get("id").asString(), line.get("record"))));
        batch.clear();
        return size;
    }

    private static int importValues(FileStore store, Path file) throws IOException {
        int count = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (!line.isBlank()) {
                    JsonNode value = parse(file, lineNumber, line, "key", "value");
                    store.setValue(value.get("key").asString(), value.get("value"));
                    count++;
                }
            }
        }
        return count;
    }

    /** One line, which must be an object with a text {@code key} and an object or value {@code body}. */
    private static JsonNode parse(Path file, int lineNumber, String line, String key, String body) {
        JsonNode node;
        try {
            node = ExportCommand.MAPPER.readTree(line);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": not JSON (" + e.getMessage() + ")", e);
        }
        if (!node.isObject() || !node.path(key).isString() || !node.has(body)
                || (body.equals("record") && !node.get(body).isObject())) {
            throw new IllegalArgumentException(file + " line " + lineNumber + ": expected {\"" + key + "\":\"...\",\""
                    + body + "\":" + (body.equals("record") ? "{...}" : "...") + "}");
        }
        return node;
    }
}

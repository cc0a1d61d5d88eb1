package io.filestore.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.filestore.CollectionOptions;
import io.filestore.FileStoreException;
import io.filestore.Format;
import io.filestore.StorageException;
import io.filestore.Strategy;
import io.filestore.internal.persist.IndexFiles;
import io.filestore.internal.persist.LayoutManifest;
import io.filestore.spi.StorageIO;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collections a data folder holds, for {@link io.filestore.StoreFolder#collections}: the layouts of
 * {@code _collections.json}, else what the folder's entries look like, each with the fields that have an
 * index file. A manifest that does not read is left to the open to report; the entries are used then.
 */
public final class FolderLayouts {

    private static final StorageIO IO = StorageIO.nio();

    private FolderLayouts() {
    }

    /** Every persisted collection found, by name. */
    public static List<CollectionOptions> find(Path dataDir) {
        Map<String, CollectionOptions.Builder> found = new TreeMap<>();
        try {
            guessFromEntries(dataDir, found);
            readManifest(dataDir, found);
        } catch (IOException e) {
            throw new StorageException("Cannot list the data folder", dataDir, e);
        }
        List<CollectionOptions> collections = new ArrayList<>();
        for (CollectionOptions.Builder builder : found.values()) {
            CollectionOptions options = builder.build();
            Path indexFolder = IndexFiles.folderOf(options, dataDir);
            List<String> fields = indexFolder == null ? List.of() : indexFields(indexFolder);
            collections.add(fields.isEmpty() ? options : builder.indexed(fields.toArray(String[]::new)).build());
        }
        return collections;
    }

    private static void guessFromEntries(Path dataDir, Map<String, CollectionOptions.Builder> found) throws IOException {
        for (Path entry : IO.list(dataDir)) {
            String name = entry.getFileName().toString();
            if (name.startsWith("_") || name.startsWith(".") || name.equals("indices")) {
                continue;
            }
            if (IO.isDirectory(entry)) {
                add(found, name, Strategy.FILE_PER_RECORD, null);
            } else if (name.endsWith(".jsonl.zst")) {
                add(found, name.substring(0, name.length() - ".jsonl.zst".length()), Strategy.COMPRESSED, null);
            } else if (name.endsWith(".jsonl")) {
                add(found, name.substring(0, name.length() - ".jsonl".length()), Strategy.SINGLE_FILE, Format.JSONL);
            } else if (name.endsWith(".json")) {
                add(found, name.substring(0, name.length() - ".json".length()), Strategy.SINGLE_FILE, Format.JSON);
            }
        }
    }

    private static void add(Map<String, CollectionOptions.Builder> found, String name, Strategy strategy, Format format) {
        try {
            CollectionOptions.Builder builder = CollectionOptions.builder(name).strategy(strategy);
            builder.build(); // a name the store would refuse is not a collection
            found.put(name, format == null ? builder : builder.format(format));
        } catch (FileStoreException notACollection) {
            // another file in the folder
        }
    }

    /** The manifest's layouts win over the guesses; one that does not read changes nothing. */
    private static void readManifest(Path dataDir, Map<String, CollectionOptions.Builder> found) throws IOException {
        Path file = dataDir.resolve(LayoutManifest.FILE_NAME);
        if (!IO.exists(file)) {
            return;
        }
        try {
            JsonNode root = JsonMapper.builder().build().readTree(IO.readAllBytes(file));
            Map<String, CollectionOptions.Builder> layouts = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                JsonNode layout = entry.getValue();
                String format = layout.path("format").asString(null);
                CollectionOptions.Builder builder = CollectionOptions.builder(entry.getKey())
                        .strategy(Strategy.fromConfigName("strategy", layout.path("strategy").asString("")))
                        .path(Path.of(layout.path("path").asString(entry.getKey())))
                        .appendOnly(layout.path("appendOnly").asBoolean(false));
                layouts.put(entry.getKey(), format == null ? builder : builder.format(Format.fromConfigName("format", format)));
            }
            found.putAll(layouts);
        } catch (JacksonException | FileStoreException | IllegalArgumentException unreadable) {
            // the open reports it, naming the file
        }
    }

    private static List<String> indexFields(Path indexFolder) {
        List<String> fields = new ArrayList<>();
        try {
            for (Path entry : IO.list(indexFolder)) {
                String name = entry.getFileName().toString();
                if (name.endsWith(IndexFiles.EXTENSION) && !IO.isDirectory(entry)) {
                    fields.add(name.substring(0, name.length() - IndexFiles.EXTENSION.length()));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot list index files", indexFolder, e);
        }
        fields.sort(null);
        return fields;
    }
}

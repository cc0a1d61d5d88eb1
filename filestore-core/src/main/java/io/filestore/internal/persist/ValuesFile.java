package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.spi.FileBatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's global values in {@code <data-dir>/_values.json}: one pretty-printed JSON object of
 * key -> value, replaced atomically when a value changed. A malformed file, or a folder in its
 * place, is quarantined and the store starts with no values.
 */
public final class ValuesFile {

    /** The file name in the data folder. */
    public static final String FILE_NAME = "_values.json";

    /** The quarantine folder of a malformed values file, beside those of the collections. */
    private static final String QUARANTINE_NAME = "_values";

    private final StorePersistContext context;
    private final Path file;

    public ValuesFile(StorePersistContext context) {
        this.context = context;
        this.file = context.dataDir().resolve(FILE_NAME);
    }

    /** The values on disk, key -> compact JSON; empty when there is no file. */
    public Map<String, byte[]> load() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        if (!context.io().exists(file)) {
            return values;
        }
        try {
            byte[] content = Folders.readOrQuarantineFolder(context, QUARANTINE_NAME, file);
            if (content == null) {
                return values;
            }
            ObjectNode node = context.json().parseObjectFile(content, file);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                values.put(entry.getKey(), context.json().toBytes(entry.getValue()));
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read global values", file, e);
        } catch (CorruptedFileException e) {
            context.quarantine().add(QUARANTINE_NAME, file, e.getMessage());
        }
        return values;
    }

    /** Adds the rewrite of the whole file to the batch. */
    public void stage(Map<String, byte[]> values, FileBatch batch) {
        batch.write(file, context.json().prettyObject(values));
    }
}

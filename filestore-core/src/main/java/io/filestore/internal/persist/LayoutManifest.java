package io.filestore.internal.persist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.CorruptedFileException;
import io.filestore.Format;
import io.filestore.InvalidOptionsException;
import io.filestore.StorageException;
import io.filestore.Strategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code <data-dir>/_collections.json}: how each persisted collection was laid out when the store last
 * opened (strategy, path, format, append-only), so that a changed configuration can be recognized
 * and the collection migrated. Human-readable, replaced atomically.
 */
public final class LayoutManifest {

    /** The manifest's file name in the data folder. */
    public static final String FILE_NAME = "_collections.json";

    /** A collection's layout on disk. */
    public record Layout(Strategy strategy, Path path, Format format, boolean appendOnly) {

        /** The layout the options describe. */
        public static Layout of(CollectionOptions options, Path dataDir) {
            return new Layout(options.strategy(), options.resolvePath(dataDir), options.format(), options.appendOnly());
        }

        /** Options that read this layout back under the collection's name. */
        public CollectionOptions toOptions(String name) {
            CollectionOptions.Builder builder = CollectionOptions.builder(name).strategy(strategy).path(path);
            if (format != null) {
                builder.format(format);
            }
            return builder.appendOnly(appendOnly).wal(false).build();
        }
    }

    private final StorePersistContext context;
    private final Path file;
    private final Map<String, Layout> layouts = new LinkedHashMap<>();

    public LayoutManifest(StorePersistContext context) {
        this.context = context;
        this.file = context.dataDir().resolve(FILE_NAME);
    }

    /** Reads the manifest; an absent one is empty. */
    public synchronized void load() {
        if (!context.io().exists(file)) {
            return;
        }
        try {
            ObjectNode root = context.json().parseObjectFile(context.io().readAllBytes(file), file);
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                JsonNode layout = entry.getValue();
                String format = layout.path("format").asString(null);
                layouts.put(entry.getKey(), new Layout(
                        Strategy.fromConfigName(FILE_NAME + " " + entry.getKey(), layout.path("strategy").asString("")),
                        context.dataDir().resolve(layout.path("path").asString("")).normalize(),
                        format == null ? null : Format.fromConfigName(FILE_NAME, format),
                        layout.path("appendOnly").asBoolean(false)));
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read the collection manifest", file, e);
        } catch (CorruptedFileException | InvalidOptionsException e) {
            throw new CorruptedFileException(file, 0, e.getMessage()
                    + "; fix or delete the file (it only records where each collection lived, to migrate it)");
        }
    }

    /** The recorded layout of a collection, or {@code null}. */
    public synchronized @Nullable Layout get(String collection) {
        return layouts.get(collection);
    }

    /** Records a collection's layout and writes the manifest durably when it changed. */
    public synchronized void record(String collection, Layout layout) {
        if (layout.equals(layouts.get(collection))) {
            return;
        }
        layouts.put(collection, layout);
        ObjectNode root = context.json().newObject();
        layouts.forEach((name, l) -> {
            ObjectNode node = root.putObject(name);
            node.put("strategy", l.strategy().configName());
            // relative inside the data folder, so a moved data folder does not look like moved collections
            Path path = l.path().startsWith(context.dataDir()) ? context.dataDir().relativize(l.path()) : l.path();
            node.put("path", path.toString());
            if (l.format() != null) {
                node.put("format", l.format().configName());
            }
            node.put("appendOnly", l.appendOnly());
        });
        context.files().replace(file, context.json().pretty(context.json().toBytes(root)));
    }
}

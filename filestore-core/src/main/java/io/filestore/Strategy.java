package io.filestore;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** How a collection is kept on disk. */
public enum Strategy {

    /** One pretty-printed JSON file per record: {@code <collection-folder>/<id>.json}. */
    FILE_PER_RECORD("file-per-record"),

    /** The whole collection in one JSON or JSONL file, rewritten (or appended to) when it changed. */
    SINGLE_FILE("single-file"),

    /** Never written to disk; gone when the store closes. Records may expire after a TTL. */
    MEMORY_ONLY("memory-only"),

    /** The whole collection as zstd-compressed JSONL in one file, rewritten when it changed. */
    COMPRESSED("compressed"),

    /**
     * Kept in the shared store's database ({@link FileStoreOptions.Builder#shared}), the commit point of
     * every instance; each instance holds the whole collection in memory. Never written to the local
     * folder, so not {@link #isPersistent() persistent} in this enum's local sense. Only in a shared
     * store, where it is what every collection that is not {@code memory-only} becomes.
     */
    SHARED("shared");

    private final String configName;

    Strategy(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files, such as {@code file-per-record}. */
    public String configName() {
        return configName;
    }

    /** Whether records of this strategy are written to the local disk (not {@code memory-only}, not {@code shared}). */
    public boolean isPersistent() {
        return this != MEMORY_ONLY && this != SHARED;
    }

    /** Every configuration name, in declaration order. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(Strategy::configName).toList();
    }

    /**
     * The strategy with this configuration name (case-insensitive, {@code _} accepted for {@code -}).
     *
     * @throws InvalidOptionsException naming {@code option} and the allowed names when none matches
     */
    public static Strategy fromConfigName(String option, @Nullable String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase().replace('_', '-');
        for (Strategy strategy : values()) {
            if (strategy.configName.equals(normalized)) {
                return strategy;
            }
        }
        throw new InvalidOptionsException(option, name, configNames());
    }
}

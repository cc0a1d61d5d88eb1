package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.filestore.internal.index.FieldPath;
import io.filestore.spi.PersisterFactory;

/**
 * The immutable, validated settings of one collection.
 *
 * @param name     the collection name: letters, digits, {@code _} and {@code -}, not starting with {@code _}
 * @param strategy how the collection is stored; default {@link Strategy#FILE_PER_RECORD}
 * @param path     where its files go, absolute or relative to the data folder; {@code null} for
 *                 {@code <data-dir>/<name>}
 * @param indexed  the indexed field paths (dotted paths reach into nested objects); unique fields are
 *                 always included
 * @param unique   the field paths whose non-null values must be unique across the collection
 * @param wal      whether every write is logged to the write-ahead log before it returns, so that it
 *                 survives a crash; default true for persisted strategies, always false for
 *                 {@code memory-only}
 * @param format     the file format of a {@code single-file} collection; default {@link Format#JSON};
 *                   {@code null} for other strategies
 * @param appendOnly whether a {@code single-file} JSONL collection appends changed records instead of
 *                   rewriting the file (meant for audit logs); compacted once dead lines pass a threshold
 * @param ttl        how long after its last write a {@code memory-only} record expires; {@code null} for never
 * @param persister  a user-supplied way to store the collection, replacing the strategy's; {@code null}
 *                   for the built-in one
 */
public record CollectionOptions(String name, Strategy strategy, Path path, List<String> indexed, List<String> unique,
                                boolean wal, Format format, boolean appendOnly, Duration ttl,
                                PersisterFactory persister) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    /** Validates and normalizes; use {@link #builder(String)} to build one. */
    public CollectionOptions {
        String prefix = "collections." + name;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidOptionsException("collection name", name,
                    "1 to 100 letters, digits, '_' or '-', starting with a letter or digit");
        }
        Objects.requireNonNull(strategy, prefix + ".strategy");
        if (wal && !strategy.isPersistent()) {
            throw new InvalidOptionsException(prefix + ".wal", true,
                    "false for " + strategy.configName() + " collections, which are never written");
        }
        if (ttl != null && strategy != Strategy.MEMORY_ONLY) {
            throw new InvalidOptionsException(prefix + ".ttl", ttl, "no ttl for " + strategy.configName()
                    + " collections; ttl is for memory-only collections");
        }
        if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
            throw new InvalidOptionsException(prefix + ".ttl", ttl, "a positive duration such as 30m");
        }
        if (format != null && strategy != Strategy.SINGLE_FILE) {
            throw new InvalidOptionsException(prefix + ".format", format.configName(),
                    "no format for " + strategy.configName() + " collections; format is for single-file collections");
        }
        if (strategy == Strategy.SINGLE_FILE && format == null) {
            format = Format.JSON;
        }
        if (persister != null && !strategy.isPersistent()) {
            throw new InvalidOptionsException(prefix + ".strategy", strategy.configName(),
                    "a persisted strategy when a custom persister is set");
        }
        if (appendOnly && format != Format.JSONL) {
            throw new InvalidOptionsException(prefix + ".append-only", true,
                    "false unless strategy is single-file with format jsonl");
        }
        unique = List.copyOf(new LinkedHashSet<>(unique));
        Set<String> allIndexed = new LinkedHashSet<>(indexed);
        allIndexed.addAll(unique);
        for (String field : allIndexed) {
            if (FieldPath.parse(field) == null) {
                throw new InvalidOptionsException(prefix + ".indexed", field,
                        "a field name or dotted path such as 'email' or 'address.city' (letters, digits, '_', '$', '@', '-')");
            }
        }
        indexed = List.copyOf(allIndexed);
    }

    /** Starts options for the named collection, with the defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The folder ({@code file-per-record}) or file ({@code single-file}, {@code compressed}) the collection
     * uses, resolved against the data folder: by default {@code <name>}, {@code <name>.json},
     * {@code <name>.jsonl} or {@code <name>.jsonl.zst}.
     */
    public Path resolvePath(Path dataDir) {
        if (path != null) {
            return dataDir.resolve(path).normalize();
        }
        return switch (strategy) {
            case SINGLE_FILE -> dataDir.resolve(name + (format == Format.JSONL ? ".jsonl" : ".json"));
            case COMPRESSED -> dataDir.resolve(name + ".jsonl.zst");
            default -> dataDir.resolve(name);
        };
    }

    /** Whether the field path is unique. */
    public boolean isUnique(String field) {
        return unique.contains(field);
    }

    /** Builds {@link CollectionOptions}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private Strategy strategy = Strategy.FILE_PER_RECORD;
        private Path path;
        private final List<String> indexed = new ArrayList<>();
        private final List<String> unique = new ArrayList<>();
        private Boolean wal;
        private Format format;
        private boolean appendOnly;
        private Duration ttl;
        private PersisterFactory persister;

        private Builder(String name) {
            this.name = name;
        }

        /** How the collection is stored; default {@code file-per-record}. */
        public Builder strategy(Strategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** Where the collection's files go, absolute or relative to the data folder. */
        public Builder path(Path path) {
            this.path = path;
            return this;
        }

        /** Adds indexed field paths. */
        public Builder indexed(String... fields) {
            indexed.addAll(List.of(fields));
            return this;
        }

        /** Adds indexed field paths. */
        public Builder indexed(List<String> fields) {
            indexed.addAll(fields);
            return this;
        }

        /** Adds unique (and therefore indexed) field paths. */
        public Builder unique(String... fields) {
            unique.addAll(List.of(fields));
            return this;
        }

        /** Adds unique (and therefore indexed) field paths. */
        public Builder unique(List<String> fields) {
            unique.addAll(fields);
            return this;
        }

        /**
         * Whether writes go through the write-ahead log (durable when the call returns); default true
         * for persisted strategies and false for {@code memory-only}.
         */
        public Builder wal(boolean wal) {
            this.wal = wal;
            return this;
        }

        /** The file format of a {@code single-file} collection; default {@code json}. */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /** Appends changed records to a {@code single-file} JSONL collection instead of rewriting it. */
        public Builder appendOnly(boolean appendOnly) {
            this.appendOnly = appendOnly;
            return this;
        }

        /** Expires {@code memory-only} records this long after their last write. */
        public Builder ttl(Duration ttl) {
            this.ttl = ttl;
            return this;
        }

        /**
         * Stores the collection through a persister of your own instead of the strategy's. The
         * strategy still gives the default path, and must be a persisted one.
         */
        public Builder persister(PersisterFactory persister) {
            this.persister = persister;
            return this;
        }

        /** Validates and builds. @throws InvalidOptionsException naming the bad option */
        public CollectionOptions build() {
            boolean logged = wal != null ? wal : strategy != null && strategy.isPersistent();
            return new CollectionOptions(name, strategy, path, indexed, unique, logged, format, appendOnly, ttl, persister);
        }
    }
}

package io.filestore.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * The {@code filestore.*} properties. Plain values only: they are checked when the store's options
 * are built from them, by the same rules as {@link io.filestore.FileStoreOptions}, so that a wrong
 * value fails startup with a message naming the property.
 */
@ConfigurationProperties("filestore")
public class FileStoreProperties {

    /** The folder that holds the store's files, created when missing; relative paths start at the working directory. */
    private Path dataDir = Path.of("./data");

    /** How often changed records are written to their files (and always on shutdown); must be positive. */
    private Duration flushInterval = Duration.ofSeconds(2);

    /** Whether record files that other programs add, edit or delete in file-per-record collection folders are applied while the store is open. */
    private boolean watch;

    /** How many records, over all collections, may be changed in memory and not yet written to their files before a writer waits for the flusher (it is slowed, never failed); a shutdown writes them all, so this bounds its time. 0 for no bound. */
    private int maxDirtyRecords = 4096;

    private final Wal wal = new Wal();

    private final Repositories repositories = new Repositories();

    private final Backup backup = new Backup();

    private final Console console = new Console();

    private final Shared shared = new Shared();

    /**
     * The declared collections by name, each with the keys strategy, path, indexed, unique, wal, ttl,
     * format and append-only; a collection used but not declared is file-per-record without indexes.
     */
    private Map<String, Collection> collections = new LinkedHashMap<>();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Duration getFlushInterval() {
        return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    public boolean isWatch() {
        return watch;
    }

    public void setWatch(boolean watch) {
        this.watch = watch;
    }

    public int getMaxDirtyRecords() {
        return maxDirtyRecords;
    }

    public void setMaxDirtyRecords(int maxDirtyRecords) {
        this.maxDirtyRecords = maxDirtyRecords;
    }

    public Wal getWal() {
        return wal;
    }

    public Repositories getRepositories() {
        return repositories;
    }

    public Backup getBackup() {
        return backup;
    }

    public Console getConsole() {
        return console;
    }

    public Shared getShared() {
        return shared;
    }

    public Map<String, Collection> getCollections() {
        return collections;
    }

    public void setCollections(Map<String, Collection> collections) {
        this.collections = collections;
    }

    /** The write-ahead log's settings. */
    public static class Wal {

        /** How long a logged write may wait for its fsync: 0 fsyncs before every write returns (survives power loss), a positive interval fsyncs at least that often (survives a process crash). */
        private Duration fsyncInterval = Duration.ZERO;

        /** Whether the store opens when its write-ahead log has missing transactions (a segment deleted or cut), accepting their loss; by default startup fails and says what is missing. Set it for one start after reading that report: the loss is then recorded and later starts need it no more. */
        private boolean acceptLogLoss;

        /** How much of the log may hold writes not yet flushed to the record files (replayed at the next start after a crash) before a writer waits for the flusher (it is slowed, never failed). 0 for no bound. */
        private DataSize maxUnflushedSize = DataSize.ofMegabytes(64);

        public Duration getFsyncInterval() {
            return fsyncInterval;
        }

        public void setFsyncInterval(Duration fsyncInterval) {
            this.fsyncInterval = fsyncInterval;
        }

        public boolean isAcceptLogLoss() {
            return acceptLogLoss;
        }

        public void setAcceptLogLoss(boolean acceptLogLoss) {
            this.acceptLogLoss = acceptLogLoss;
        }

        public DataSize getMaxUnflushedSize() {
            return maxUnflushedSize;
        }

        public void setMaxUnflushedSize(DataSize maxUnflushedSize) {
            this.maxUnflushedSize = maxUnflushedSize;
        }
    }

    /** The Spring Data repositories' settings. */
    public static class Repositories {

        /** Whether Spring Data repositories backed by the store are enabled. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The settings of backups taken through the Actuator endpoint's {@code backup} operation. */
    public static class Backup {

        /** The folder under which the Actuator endpoint's backup operation writes: each backup goes to a new or empty folder named in the request and resolved under this one, and a folder outside it is refused. The operation is refused while this is unset. */
        private @Nullable Path root;

        public @Nullable Path getRoot() {
            return root;
        }

        public void setRoot(@Nullable Path root) {
            this.root = root;
        }
    }

    /**
     * The web console's settings. Like H2's console it shows every record to whoever reaches it, so it is
     * off by default and refused at startup on a non-loopback address unless Spring Security denies anonymous
     * users every one of its requests.
     */
    public static class Console {

        /** Whether the web console (browse collections and records, run queries with their plans, watch changes live) is served; needs Spring MVC. Off by default: it shows every record to whoever reaches it. */
        private boolean enabled;

        /** The path the console is served at; starts with '/'. */
        private String path = "/filestore-console";

        /** Whether the console may start on a non-loopback server address although Spring Security does not deny anonymous users its requests (or is absent). Dangerous: anyone who reaches the port reads every record and every change; secure the path instead. */
        private boolean allowRemote;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        /** Checked as it is bound, as Spring Boot's H2 console path is, so a wrong one fails startup naming the property. */
        public void setPath(String path) {
            Assert.isTrue(path != null && path.length() > 1, "'path' must have length greater than 1");
            Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
            Assert.isTrue(!path.endsWith("/"), "'path' must not end with '/'");
            this.path = path;
        }

        public boolean isAllowRemote() {
            return allowRemote;
        }

        public void setAllowRemote(boolean allowRemote) {
            this.allowRemote = allowRemote;
        }
    }

    /**
     * Shared mode: several application instances share the store's collections through PostgreSQL
     * (needs {@code io.filestore:filestore-postgres} and {@code org.postgresql:postgresql}). The database
     * is {@code url} when set, otherwise the application's {@code DataSource} bean.
     */
    public static class Shared {

        /** Whether the store is shared through PostgreSQL with other instances: every collection that is not memory-only becomes shared. */
        private boolean enabled;

        /** The JDBC URL of the shared PostgreSQL database, such as jdbc:postgresql://db:5432/app; when unset, the application's DataSource bean is used. */
        private String url;

        /** The user for url (ignored when the DataSource bean is used). */
        private String username;

        /** The password for url (ignored when the DataSource bean is used). */
        private String password;

        /** How long change entries are kept for instances that are not live; an instance further behind reloads a snapshot. */
        private Duration retention = Duration.ofHours(1);

        /** How long without a heartbeat before an instance no longer holds back the trimming of the change table. */
        private Duration instanceTimeout = Duration.ofSeconds(30);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public Duration getInstanceTimeout() {
            return instanceTimeout;
        }

        public void setInstanceTimeout(Duration instanceTimeout) {
            this.instanceTimeout = instanceTimeout;
        }
    }

    /**
     * One collection's settings, bound from {@code filestore.collections.<name>.*}. The strategy and
     * format stay text here so that a wrong one is reported with the names users write.
     */
    public static class Collection {

        /** How the collection is stored: file-per-record, single-file, memory-only or compressed. */
        private String strategy = "file-per-record";

        /** Where the collection's files go, absolute or relative to the data folder; by default the collection name (plus .json, .jsonl or .jsonl.zst for the one-file strategies). */
        private Path path;

        /** The field paths to index (dotted paths reach into nested objects). */
        private List<String> indexed = new ArrayList<>();

        /** The field paths whose non-null values must be unique; they are indexed too. */
        private List<String> unique = new ArrayList<>();

        /** Whether every write goes through the write-ahead log before it returns; by default true for persisted strategies and false (the only allowed value) for memory-only. */
        private Boolean wal;

        /** How long after its last write a memory-only record expires; never when unset. */
        private Duration ttl;

        /** The file format of a single-file collection: json (the default) or jsonl. */
        private String format;

        /** Whether a single-file jsonl collection appends changed records instead of rewriting the file. */
        private boolean appendOnly;

        public String getStrategy() {
            return strategy;
        }

        public void setStrategy(String strategy) {
            this.strategy = strategy;
        }

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public List<String> getIndexed() {
            return indexed;
        }

        public void setIndexed(List<String> indexed) {
            this.indexed = indexed;
        }

        public List<String> getUnique() {
            return unique;
        }

        public void setUnique(List<String> unique) {
            this.unique = unique;
        }

        public Boolean getWal() {
            return wal;
        }

        public void setWal(Boolean wal) {
            this.wal = wal;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        public boolean isAppendOnly() {
            return appendOnly;
        }

        public void setAppendOnly(boolean appendOnly) {
            this.appendOnly = appendOnly;
        }
    }
}

package io.filestore.benchmarks.peer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2's MVStore, the storage engine under H2's SQL, used directly as a document store (its own public
 * API, as an embedded key-value store is used); {@code h2-sql} ({@link SqlPeer}) is H2 as most of its
 * users use it, through SQL. Here: an {@code MVMap<String, String>} from id to JSON, and two
 * maps as the indexes, {@code email -> id} and {@code "age|id" -> id} (zero-padded age, so the keys
 * sort by age). A write is the map puts followed by {@code commit()}, plus {@code sync()} (an fsync)
 * for {@link CommitMode#FSYNC}; auto-commit is off so that nothing but these commits writes.
 * The three maps are not updated atomically with respect to each other (MVStore has no multi-map
 * transaction without H2's TransactionStore); a crash between them is not a concern of a benchmark.
 */
final class H2MvStorePeer implements PeerStore {

    private static final int LOAD_BATCH = 10_000;

    private final Path folder;
    private final CommitMode mode;
    private final MVStore store;
    private final MVMap<String, String> records;
    private final MVMap<String, String> emails;
    private final MVMap<String, String> ages;

    H2MvStorePeer(Path folder, CommitMode mode) {
        this.folder = folder;
        this.mode = mode;
        store = new MVStore.Builder().fileName(folder.resolve("users.mv.db").toString()).autoCommitDisabled().open();
        records = store.openMap("users");
        emails = store.openMap("users.email");
        ages = store.openMap("users.age");
    }

    @Override
    public void insert(PeerRecord record) {
        index(record);
        records.put(record.id(), record.json());
        commit();
    }

    @Override
    public void update(PeerRecord record) {
        String old = records.put(record.id(), record.json());
        if (old == null) {
            throw new IllegalStateException("no record " + record.id() + " to update");
        }
        int oldAge = ageOf(old);
        if (oldAge != record.age()) {
            ages.remove(ageKey(oldAge, record.id()));
        }
        index(record);
        commit();
    }

    @Override
    public void load(int count) {
        for (int i = 0; i < count; i++) {
            PeerRecord record = PeerRecord.of(i);
            index(record);
            records.put(record.id(), record.json());
            if ((i + 1) % LOAD_BATCH == 0) {
                store.commit();
            }
        }
        store.commit();
        store.sync();
    }

    private void index(PeerRecord record) {
        emails.put(record.email(), record.id());
        ages.put(ageKey(record.age(), record.id()), record.id());
    }

    private void commit() {
        store.commit();
        if (mode == CommitMode.FSYNC) {
            store.sync();
        }
    }

    @Override
    public Object get(String id) {
        return records.get(id);
    }

    @Override
    public List<String> findByEmail(String email) {
        String id = emails.get(email);
        return id == null ? List.of() : List.of(records.get(id));
    }

    @Override
    public List<String> ageAtLeastTop10(int minAge) {
        List<String> top = new ArrayList<>(10);
        Cursor<String, String> cursor = ages.cursor(ageKey(minAge, ""));
        while (top.size() < 10 && cursor.hasNext()) {
            cursor.next();
            top.add(records.get(cursor.getValue()));
        }
        return top;
    }

    /** Nothing to index: this adapter does not page. */
    @Override
    public void indexForPages() {
        // no pages here
    }

    /** Not offered: this adapter keeps no {@code username} or {@code name} index; the SQL peers page. */
    @Override
    public List<String> page(String field, int offset, int limit) {
        throw new UnsupportedOperationException("h2-mvstore does not page here; the suite pages sqlite and h2-sql");
    }

    @Override
    public long count() {
        return records.sizeAsLong();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        store.close();
    }

    private static String ageKey(int age, String id) {
        return String.format("%03d|%s", age, id);
    }

    /** The {@code age} of a record's JSON; a text scan, cheaper than parsing the 300 bytes. */
    static int ageOf(String json) {
        int at = json.indexOf("\"age\":") + 6;
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Integer.parseInt(json, at, end, 10);
    }
}

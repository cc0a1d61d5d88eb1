package io.filestore.benchmarks.peer;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dizitart.no2.Nitrite;
import org.dizitart.no2.collection.Document;
import org.dizitart.no2.collection.FindOptions;
import org.dizitart.no2.collection.NitriteCollection;
import org.dizitart.no2.common.SortOrder;
import org.dizitart.no2.filters.FluentFilter;
import org.dizitart.no2.index.IndexOptions;
import org.dizitart.no2.index.IndexType;
import org.dizitart.no2.mvstore.MVStoreModule;
import org.dizitart.no2.mvstore.NitriteMVStore;
import org.h2.mvstore.MVStore;

import tools.jackson.databind.JsonNode;

/**
 * Nitrite 4 on its MVStore adapter: a collection {@code users} of documents with the record's
 * fields, plus our id in a field {@code id} (Nitrite's own {@code _id} is a generated number), with a
 * unique index on {@code id} and {@code email} and a non-unique one on {@code age}. Auto-commit is
 * off; each write is followed by {@code db.commit()}, which writes an MVStore chunk but does not
 * force it. Nitrite offers no call that forces it, so for {@link CommitMode#FSYNC} the adapter reads
 * the {@code MVStore} out of Nitrite's store by reflection and calls its {@code sync()} (an fsync)
 * after the commit, as the H2 peer does. (Handing Nitrite a file store through
 * {@code MVStoreModuleBuilder.fileStore} does not work: 4.3.2 opens its own.) Documents are Nitrite's
 * own objects, so a read returns a {@link Document}, not JSON text. Nitrite sets MVStore's retention
 * time to 0 (PERFORMANCE.md).
 */
final class NitritePeer implements PeerStore {

    private static final int LOAD_BATCH = 10_000;

    private final Path folder;
    private final CommitMode mode;
    private final MVStore mvStore;
    private final Nitrite db;
    private final NitriteCollection users;

    NitritePeer(Path folder, CommitMode mode) {
        this.folder = folder;
        this.mode = mode;
        db = Nitrite.builder()
                .loadModule(MVStoreModule.withConfig()
                        .filePath(folder.resolve("users.nitrite.db").toFile())
                        .autoCommit(false)
                        .build())
                .openOrCreate();
        mvStore = mvStoreOf(db);
        users = db.getCollection("users");
        ensureIndex(IndexType.UNIQUE, "id");
        ensureIndex(IndexType.UNIQUE, "email");
        ensureIndex(IndexType.NON_UNIQUE, "age");
    }

    private void ensureIndex(String type, String field) {
        if (!users.hasIndex(field)) {
            users.createIndex(IndexOptions.indexOptions(type), field);
        }
    }

    @Override
    public void insert(PeerRecord record) {
        users.insert(document(record));
        commit();
    }

    @Override
    public void update(PeerRecord record) {
        if (users.update(FluentFilter.where("id").eq(record.id()), document(record)).getAffectedCount() != 1) {
            throw new IllegalStateException("no record " + record.id() + " to update");
        }
        commit();
    }

    @Override
    public void load(int count) {
        Document[] batch = new Document[LOAD_BATCH];
        int filled = 0;
        for (int i = 0; i < count; i++) {
            batch[filled++] = document(PeerRecord.of(i));
            if (filled == LOAD_BATCH || i == count - 1) {
                users.insert(Arrays.copyOf(batch, filled));
                db.commit();
                filled = 0;
            }
        }
        mvStore.sync();
    }

    private void commit() {
        db.commit();
        if (mode == CommitMode.FSYNC) {
            mvStore.sync();
        }
    }

    @Override
    public Object get(String id) {
        return users.find(FluentFilter.where("id").eq(id)).firstOrNull();
    }

    @Override
    public List<Document> findByEmail(String email) {
        return users.find(FluentFilter.where("email").eq(email)).toList();
    }

    @Override
    public List<Document> ageAtLeastTop10(int minAge) {
        return users.find(FluentFilter.where("age").gte(minAge),
                FindOptions.orderBy("age", SortOrder.Ascending).limit(10)).toList();
    }

    /** Nothing to index: this adapter does not page. */
    @Override
    public void indexForPages() {
        // no pages here
    }

    /** Not offered: this adapter keeps no {@code username} or {@code name} index; the SQL peers page. */
    @Override
    public List<String> page(String field, int offset, int limit) {
        throw new UnsupportedOperationException("nitrite does not page here; the suite pages sqlite and h2-sql");
    }

    @Override
    public long count() {
        return users.size();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        db.close();
    }

    private static MVStore mvStoreOf(Nitrite db) {
        try {
            Field field = NitriteMVStore.class.getDeclaredField("mvStore");
            field.setAccessible(true);
            return (MVStore) field.get(db.getStore());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach Nitrite's MVStore to force it; has NitriteMVStore changed?",
                    e);
        }
    }

    /** The record's fields as a Nitrite document, our id in {@code id}. */
    private static Document document(PeerRecord record) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", record.id());
        for (Map.Entry<String, JsonNode> field : record.tree().properties()) {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isNumber() ? (Object) value.intValue() : value.stringValue());
        }
        return Document.createDocument(fields);
    }
}

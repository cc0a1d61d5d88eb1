package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.filestore.IndexEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk-loaded index answers like one built by single writes, before and after later writes. */
class FieldIndexTests {

    private static FieldIndex loaded() {
        FieldIndex index = new FieldIndex(FieldPath.parse("age"), false);
        index.presizeForLoad(6);
        index.loadAdd(30L, "c");
        index.loadAdd(30L, "a");
        index.loadAdd(41L, "d");
        index.loadAdd(30L, "b");
        index.loadAdd(30L, "a"); // an array field can give one record the same key twice
        index.loadAdd(55L, "e");
        index.loadAdd(55L, "e");
        index.finishLoad(Runnable::run);
        return index;
    }

    private static List<String> entries(FieldIndex index) {
        return index.entries().stream().map(entry -> entry.key() + "=" + entry.rowId()).toList();
    }

    @Test
    void loadedSharedKeysAreDistinctAndSortedById() {
        FieldIndex index = loaded();

        assertThat(entries(index)).containsExactly("30=a", "30=b", "30=c", "41=d", "55=e");
        assertThat(index.idsEqual(30L)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.idsEqual(55L)).containsExactly("e");
        assertThat(index.entriesInRange(30L, true, 41L, true, false, 2))
                .extracting(IndexEntry::rowId).containsExactly("a", "b");
        assertThat(index.entriesInRange(null, true, null, true, true, 4))
                .extracting(IndexEntry::rowId).containsExactly("e", "d", "a", "b");
        Map<Object, List<String>> shared = new LinkedHashMap<>();
        index.forEachSharedKey(shared::put);
        assertThat(shared).containsOnlyKeys(30L).containsEntry(30L, List.of("a", "b", "c"));
    }

    @Test
    void writesAfterLoadChangeOnlyTheirKey() {
        FieldIndex index = loaded();
        List<String> before = index.idsInRange(30L, true, 30L, true);

        index.add(30L, "b"); // present: no change
        index.add(30L, "aa");
        index.remove(30L, "zz"); // absent: no change
        index.remove(30L, "c");

        assertThat(entries(index)).containsExactly("30=a", "30=aa", "30=b", "41=d", "55=e");
        assertThat(index.idsInRange(30L, true, 30L, true)).containsExactlyInAnyOrder("a", "aa", "b");
        assertThat(before).as("a list already read does not change").containsExactly("a", "b", "c");
    }

    @Test
    void removingFromALoadedKeyShrinksItToOneIdThenNone() {
        FieldIndex index = loaded();

        index.remove(30L, "a");
        index.remove(30L, "b");
        assertThat(index.idsEqual(30L)).containsExactly("c");
        Map<Object, List<String>> shared = new LinkedHashMap<>();
        index.forEachSharedKey(shared::put);
        assertThat(shared).isEmpty();

        index.remove(30L, "c");
        assertThat(index.containsKey(30L)).isFalse();
        assertThat(index.idsInRange(null, true, null, true)).containsExactly("d", "e");
    }

    @Test
    void removingFromALoadedKeyOfThreeKeepsASetThatLaterWritesUpdate() {
        FieldIndex index = loaded();

        index.remove(30L, "b");
        index.add(30L, "b2");
        index.remove(30L, "a");

        assertThat(entries(index)).containsExactly("30=b2", "30=c", "41=d", "55=e");
        List<IndexEntry> ascending = index.entriesInRange(30L, true, 30L, true, false, 10);
        List<String> ids = new ArrayList<>();
        ascending.forEach(entry -> ids.add(entry.rowId()));
        assertThat(ids).containsExactly("b2", "c");
    }

    @Test
    void aUniqueLoadWithoutSharedKeysKeepsSingleIds() {
        FieldIndex index = new FieldIndex(FieldPath.parse("email"), true);
        index.loadAdd("b@x", "2");
        index.loadAdd("a@x", "1");
        index.finishLoad(Runnable::run);

        assertThat(entries(index)).containsExactly("a@x=1", "b@x=2");
        index.add("a@x", "3");
        assertThat(index.idsEqual("a@x")).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void anOffsetSkipsEntriesAsIfTheyHadBeenReadWhateverThePostingsCase() {
        FieldIndex index = loaded(); // 30 = a, b, c (loaded array); 41 = d; 55 = e
        index.add(41L, "d2"); // 41 becomes a written set: d, d2
        List<String> all = index.entriesInRange(null, true, null, true, false, 100).stream()
                .map(entry -> entry.key() + "=" + entry.rowId()).toList();
        List<String> allDescending = index.entriesInRange(null, true, null, true, true, 100).stream()
                .map(entry -> entry.key() + "=" + entry.rowId()).toList();

        for (int offset = 0; offset <= all.size() + 1; offset++) {
            for (int limit = 0; limit <= 3; limit++) {
                int from = Math.min(offset, all.size());
                int to = Math.min(all.size(), offset + limit);
                assertThat(index.entriesInRange(null, true, null, true, false, offset, limit).stream()
                        .map(entry -> entry.key() + "=" + entry.rowId()).toList())
                        .as("offset %d limit %d", offset, limit).isEqualTo(all.subList(from, Math.max(from, to)));
                assertThat(index.entriesInRange(null, true, null, true, true, offset, limit).stream()
                        .map(entry -> entry.key() + "=" + entry.rowId()).toList())
                        .as("descending offset %d limit %d", offset, limit)
                        .isEqualTo(allDescending.subList(from, Math.max(from, to)));
            }
        }
    }
}

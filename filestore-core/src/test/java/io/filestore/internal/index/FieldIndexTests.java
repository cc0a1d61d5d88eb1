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
}

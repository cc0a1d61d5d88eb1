package io.filestore.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.FileStore;
import io.filestore.TestStores;

import static io.filestore.TestStores.json;
import static org.assertj.core.api.Assertions.assertThat;

class UndoHistoryTests {

    @TempDir
    Path dir;

    @Test
    void undoAndRedoReturnToTheExactStatesMarkedOnRandomWritesAndTheyLastAcrossAReopen() {
        Random random = new Random(7);
        try (FileStore store = TestStores.open(dir); UndoHistory history = UndoHistory.attach(store, 100)) {
            List<Map<String, String>> marked = new ArrayList<>();
            marked.add(state(store));
            for (int round = 0; round < 30; round++) {
                for (int i = random.nextInt(5) + 1; i > 0; i--) {
                    randomWrite(store, random);
                }
                if (history.add("round " + round)) {
                    marked.add(state(store));
                }
            }
            int position = marked.size() - 1;
            for (int move = 0; move < 200; move++) {
                if (random.nextBoolean() && history.canUndo()) {
                    history.undo();
                    position--;
                } else if (history.canRedo()) {
                    history.redo();
                    position++;
                }
                assertThat(state(store)).as("after move %d at mark %d", move, position).isEqualTo(marked.get(position));
            }
            store.close();
            try (FileStore reopened = TestStores.open(dir)) {
                assertThat(state(reopened)).as("after reopen at mark %d", position).isEqualTo(marked.get(position));
            }
        }
        try (FileStore store = TestStores.open(dir); UndoHistory history = UndoHistory.attach(store, 100)) {
            List<Map<String, String>> marked = new ArrayList<>();
            marked.add(state(store));
            for (int round = 0; round < 10; round++) {
                randomWrite(store, random);
                if (history.add("round " + round)) {
                    marked.add(state(store));
                }
            }
            while (history.canUndo()) {
                history.undo();
            }
            assertThat(state(store)).isEqualTo(marked.get(0));
            List<String> scanned = new ArrayList<>();
            store.collection("users").forEach((id, user) -> {
                if (user.has("username") && user.get("username").stringValue().equals("n1")) {
                    scanned.add(id);
                }
            });
            assertThat(store.collection("users").findIds("username", "n1")).containsExactlyInAnyOrderElementsOf(scanned);
        }
    }

    @Test
    void changesSinceTheLastMarkAreUndoneFirstAndANewChangeDropsRedo() {
        try (FileStore store = TestStores.open(dir); UndoHistory history = UndoHistory.attach(store, 10)) {
            store.collection("orders").put("o1", json("status", "NEW"));
            history.add("created");
            store.collection("orders").update("o1", json("status", "PAID"));

            assertThat(history.undo()).contains("");
            assertThat(store.collection("orders").get("o1")).contains(json("status", "NEW"));
            assertThat(store.collection("orders").findIds("status", "PAID")).isEmpty();
            assertThat(history.canRedo()).isTrue();

            store.collection("orders").put("o2", json("status", "NEW"));
            assertThat(history.canRedo()).isFalse();
            assertThat(history.undo()).contains("");
            assertThat(history.undo()).contains("created");
            assertThat(store.collection("orders").count()).isZero();
            assertThat(history.undo()).isEmpty();
        }
    }

    @Test
    void historyIsBoundedAndOlderChangesStay() {
        try (FileStore store = TestStores.open(dir); UndoHistory history = UndoHistory.attach(store, 2)) {
            for (int i = 1; i <= 4; i++) {
                store.collection("orders").put("o" + i, json("n", i));
                history.add("c" + i);
            }
            assertThat(history.undoLabels()).containsExactly("c4", "c3");
            history.undo();
            history.undo();
            assertThat(history.canUndo()).isFalse();
            assertThat(store.collection("orders").ids()).containsExactlyInAnyOrder("o1", "o2");
        }
    }

    private static void randomWrite(FileStore store, Random random) {
        String id = "k" + random.nextInt(8);
        switch (random.nextInt(5)) {
            case 0 -> store.collection("users").put(id, json("email", id + "-" + random.nextInt(3) + "@x.io", "username", "n" + random.nextInt(3)));
            case 1 -> store.collection("users").delete(id);
            case 2 -> store.collection("orders").put(id, json("status", "S" + random.nextInt(3)));
            case 3 -> store.runInTransaction(tx -> {
                store.collection("orders").update(id, json("status", "TX"));
                store.setValue("last", random.nextInt(100));
            });
            default -> store.deleteValue("last");
        }
    }

    /** Every record and value, as text, in a stable order. */
    private static Map<String, String> state(FileStore store) {
        Map<String, String> state = new TreeMap<>();
        for (String collection : List.of("users", "orders")) {
            store.collection(collection).forEach((id, record) -> state.put(collection + "/" + id, record.toString()));
        }
        store.valueKeys().forEach(key -> state.put("value/" + key, store.getValue(key).orElseThrow().toString()));
        return state;
    }
}

package io.filestore.internal.index;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/** The posting of a key that one record has. */
record SingleId(String id) implements Postings {

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean contains(String other) {
        return id.equals(other);
    }

    @Override
    public Postings with(String other) {
        return id.equals(other) ? this : IdSet.of(id, other);
    }

    @Override
    public @Nullable Postings without(String other) {
        return id.equals(other) ? null : this;
    }

    @Override
    public void forEach(Consumer<String> sink) {
        sink.accept(id);
    }

    @Override
    public List<String> sorted() {
        return List.of(id);
    }

    @Override
    public List<String> smallest(int count) {
        return List.of(id);
    }
}

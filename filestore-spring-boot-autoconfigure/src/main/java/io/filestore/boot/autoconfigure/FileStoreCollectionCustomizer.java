package io.filestore.boot.autoconfigure;

import java.util.Objects;
import java.util.function.Consumer;

import io.filestore.CollectionOptions;

/**
 * Changes one collection's options after its {@code filestore.collections.<name>.*} properties are
 * applied, for what properties cannot say, such as a {@link CollectionOptions.Builder#persister custom
 * persister}. Called, in {@code @Order}, for every collection declared at startup: those under
 * {@code filestore.collections} and those of the application's {@code @Document} entities (whose
 * annotated indexes are added afterwards). A collection first used later, undeclared, gets the defaults.
 * Not applied when the application defines its own {@code FileStoreOptions} bean.
 */
@FunctionalInterface
public interface FileStoreCollectionCustomizer {

    /**
     * Changes a collection's options; the properties it does not change are kept.
     *
     * @param name       the collection's name
     * @param collection its options so far
     */
    void customize(String name, CollectionOptions.Builder collection);

    /** A customizer of the named collection only. */
    static FileStoreCollectionCustomizer forCollection(String name, Consumer<CollectionOptions.Builder> customizer) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(customizer, "customizer");
        return (collectionName, collection) -> {
            if (collectionName.equals(name)) {
                customizer.accept(collection);
            }
        };
    }
}

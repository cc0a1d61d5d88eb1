package io.filestore.data.mapping;

import java.beans.Introspector;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.model.BasicPersistentEntity;
import org.springframework.data.util.Lazy;

import io.filestore.annotation.Document;

/** An entity class and the collection its instances are stored in. */
public class FileStorePersistentEntity<T> extends BasicPersistentEntity<T, FileStorePersistentProperty> {

    private final Lazy<String> collection = Lazy.of(() -> collectionOf(getType()));
    private final Lazy<Boolean> readsReferences = Lazy.of(() -> {
        for (FileStorePersistentProperty property : this) {
            if (property.holdsEntities() || property.isDerived()) {
                return true;
            }
        }
        return false;
    });

    public FileStorePersistentEntity(TypeInformation<T> information) {
        super(information);
    }

    /**
     * Whether reading an instance fills properties from other records: references to entities, and the
     * derived sides of relationships ({@code @OneToMany}, the inverse side of {@code @ManyToMany}).
     */
    public boolean readsReferences() {
        return readsReferences.get();
    }

    /**
     * The collection: that of the nearest class, this one or a superclass, that declares
     * {@code @Document}: its value, or that class's simple name with a lower-case first letter. So a
     * subclass without a {@code @Document} of its own shares its parent's collection, and one with
     * {@code @Document("name")} goes where the name says; a class with none gets its own name.
     */
    public String collection() {
        return collection.get();
    }

    /**
     * The highest class, this one or a superclass, whose records go to the same collection: a record of
     * any other class in it carries its type ({@code _class}), so that it is read back as that class.
     */
    public Class<?> documentType() {
        String collection = collection();
        Class<?> highest = getType();
        for (Class<?> type = getType().getSuperclass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getAnnotation(Document.class) != null && collectionOf(type).equals(collection)) {
                highest = type;
            }
        }
        return highest;
    }

    private static String collectionOf(Class<?> type) {
        for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
            Document document = declaring.getDeclaredAnnotation(Document.class);
            if (document != null) {
                return document.value().isEmpty() ? Introspector.decapitalize(declaring.getSimpleName()) : document.value();
            }
        }
        return Introspector.decapitalize(type.getSimpleName());
    }
}

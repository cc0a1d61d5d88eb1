package io.filestore.data.mapping;

import java.beans.Introspector;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.model.BasicPersistentEntity;

import io.filestore.annotation.Document;

/** An entity class and the collection its instances are stored in. */
public class FileStorePersistentEntity<T> extends BasicPersistentEntity<T, FileStorePersistentProperty> {

    public FileStorePersistentEntity(TypeInformation<T> information) {
        super(information);
    }

    /**
     * The collection: {@code @Document}'s value, or the class's simple name with a lower-case first
     * letter.
     */
    public String collection() {
        Document document = findAnnotation(Document.class);
        if (document != null && !document.value().isEmpty()) {
            return document.value();
        }
        return Introspector.decapitalize(getType().getSimpleName());
    }
}

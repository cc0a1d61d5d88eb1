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
        return Introspector.decapitalize(documentType().getSimpleName());
    }

    /**
     * The class whose collection this entity's records go to: the highest class that declares
     * {@code @Document} ({@code @Document} is inherited, so a subclass shares its parent's collection),
     * or this class. A record of another class carries its type.
     */
    public Class<?> documentType() {
        Class<?> declaring = null;
        for (Class<?> type = getType(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (type.getDeclaredAnnotation(Document.class) != null) {
                declaring = type;
            }
        }
        return declaring != null ? declaring : getType();
    }
}

package io.filestore.data.mapping;

import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;
import io.filestore.annotation.OneToMany;

/**
 * A property of an entity. Its JSON field has the property's name. References ({@link ManyToOne},
 * {@link OneToMany}, {@link ManyToMany}) are told apart here: which are stored, which are indexed,
 * and which are only filled on read.
 */
public class FileStorePersistentProperty extends AnnotationBasedPersistentProperty<FileStorePersistentProperty> {

    public FileStorePersistentProperty(Property property, PersistentEntity<?, FileStorePersistentProperty> owner,
                                       SimpleTypeHolder simpleTypeHolder) {
        super(property, owner, simpleTypeHolder);
    }

    /** The JSON field name. */
    public String fieldName() {
        return getName();
    }

    /** Whether the field gets an index: {@code @Indexed}, a many-to-one reference or a stored id array. */
    public boolean isIndexed() {
        return isAnnotationPresent(Indexed.class) || isManyToOne() || isStoredManyToMany();
    }

    /** Whether the index refuses duplicates. */
    public boolean isUnique() {
        Indexed indexed = findAnnotation(Indexed.class);
        return indexed != null && indexed.unique();
    }

    public boolean isManyToOne() {
        return isAnnotationPresent(ManyToOne.class);
    }

    public boolean isOneToMany() {
        return isAnnotationPresent(OneToMany.class);
    }

    /** A many-to-many field stored in this document as an array of ids. */
    public boolean isStoredManyToMany() {
        ManyToMany annotation = findAnnotation(ManyToMany.class);
        return annotation != null && annotation.mappedBy().isEmpty();
    }

    /** A many-to-many field that shows the other side's links: never stored. */
    public boolean isInverseManyToMany() {
        ManyToMany annotation = findAnnotation(ManyToMany.class);
        return annotation != null && !annotation.mappedBy().isEmpty();
    }

    /** Whether the value is computed on read and never written to the document. */
    public boolean isDerived() {
        return isOneToMany() || isInverseManyToMany();
    }

    /** Whether the stored value is an id (or ids) but the Java value holds entities, resolved on read. */
    public boolean holdsEntities() {
        return (isManyToOne() || isStoredManyToMany()) && !isIdValued();
    }

    /** The referenced entity class of a reference property. */
    public Class<?> referencedType() {
        ManyToOne manyToOne = findAnnotation(ManyToOne.class);
        if (manyToOne != null && manyToOne.value() != void.class) {
            return manyToOne.value();
        }
        ManyToMany manyToMany = findAnnotation(ManyToMany.class);
        if (manyToMany != null) {
            return manyToMany.value();
        }
        return getActualType();
    }

    /** Whether a reference holds ids (a String, or a collection of Strings) rather than entities. */
    public boolean isIdValued() {
        return getActualType() == String.class;
    }

    @Override
    protected Association<FileStorePersistentProperty> createAssociation() {
        return new Association<>(this, null);
    }

    @Override
    public boolean isAssociation() {
        return isManyToOne() || isOneToMany() || isAnnotationPresent(ManyToMany.class);
    }
}

package io.filestore.data.mapping;

import java.lang.reflect.Modifier;

import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.util.Lazy;

import io.filestore.annotation.Field;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;
import io.filestore.annotation.OneToMany;

/**
 * A property of an entity. Its JSON field has the property's name, or the one {@link Field} gives. References ({@link ManyToOne},
 * {@link OneToMany}, {@link ManyToMany}) are told apart here: which are stored, which are indexed,
 * and which are only filled on read.
 */
public class FileStorePersistentProperty extends AnnotationBasedPersistentProperty<FileStorePersistentProperty> {

    // what reading and writing ask of every property on every call, worked out once from the annotations
    private final Lazy<String> fieldName = Lazy.of(this::findFieldName);
    private final Lazy<Boolean> derived = Lazy.of(() -> isOneToMany() || isInverseManyToMany());
    private final Lazy<Boolean> holdsEntities = Lazy.of(() -> (isManyToOne() || isStoredManyToMany()) && !isIdValued());
    private final Lazy<Boolean> stored = Lazy.of(() -> !isTransient() && !isDerived() && (getField() != null || getSetter() != null));

    public FileStorePersistentProperty(Property property, PersistentEntity<?, FileStorePersistentProperty> owner,
                                       SimpleTypeHolder simpleTypeHolder) {
        super(property, owner, simpleTypeHolder);
    }

    /** The name the property is stored under: {@link Field @Field}'s value, or the property's name. */
    public String fieldName() {
        return fieldName.get();
    }

    private String findFieldName() {
        Field field = findAnnotation(Field.class);
        return field != null && !field.value().isEmpty() ? field.value() : getName();
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

    /** Transient by {@code @Transient} (or Spring's other markers) or by the {@code transient} keyword. */
    @Override
    public boolean isTransient() {
        var field = getField(); // a java.lang.reflect.Field: Field here is FileStore's annotation
        return super.isTransient() || field != null && Modifier.isTransient(field.getModifiers());
    }

    /**
     * Whether the property is part of the stored document: not transient, not derived, and backed by a
     * field or a setter (a getter alone computes a value, which is never stored).
     */
    public boolean isStored() {
        return stored.get();
    }

    /** Whether the value is computed on read and never written to the document. */
    public boolean isDerived() {
        return derived.get();
    }

    /** Whether the stored value is an id (or ids) but the Java value holds entities, resolved on read. */
    public boolean holdsEntities() {
        return holdsEntities.get();
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

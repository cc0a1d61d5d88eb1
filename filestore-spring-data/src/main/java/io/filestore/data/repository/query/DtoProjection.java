package io.filestore.data.repository.query;

import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mapping.PersistentPropertyAccessor;

import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an entity into a DTO: a class or a record whose properties are named as some of the entity's
 * ({@code record PersonName(String firstname, String lastname)}). Each DTO property takes the value of
 * the entity property of the same name, whatever either stores it under; a DTO property the entity
 * lacks stays unset (null, or a primitive's zero). The DTO is built as the converter reads an entity:
 * through its constructor (a record's canonical one), then its other properties. Interfaces are left
 * to Spring Data's projection proxies and instances of the target pass through. Thread-safe.
 */
public final class DtoProjection implements Converter<Object, Object> {

    private final Class<?> target;
    private final MappingFileStoreConverter converter;

    /** A projection to the class; for an interface or the entity's own type, a conversion that changes nothing. */
    public DtoProjection(Class<?> target, MappingFileStoreConverter converter) {
        this.target = target;
        this.converter = converter;
    }

    @Override
    public Object convert(Object entity) {
        if (target.isInterface() || target.isInstance(entity) || converter.isValueType(target)) {
            return entity;
        }
        return converter.read(target, documentOf(entity));
    }

    /** The entity's values under the DTO's stored names, as the entity's properties store them. */
    private ObjectNode documentOf(Object entity) {
        FileStorePersistentEntity<?> source = converter.getMappingContext().getRequiredPersistentEntity(entity.getClass());
        FileStorePersistentEntity<?> dto = converter.getMappingContext().getRequiredPersistentEntity(target);
        PersistentPropertyAccessor<?> values = source.getPropertyAccessor(entity);
        ObjectNode document = converter.jsonMapper().createObjectNode();
        for (FileStorePersistentProperty property : dto) {
            FileStorePersistentProperty origin = source.getPersistentProperty(property.getName());
            Object value = origin == null || property.isTransient() ? null : values.getProperty(origin);
            if (value != null) {
                document.set(property.fieldName(), converter.toStoredValue(value, origin.getTypeInformation()));
            }
        }
        return document;
    }
}

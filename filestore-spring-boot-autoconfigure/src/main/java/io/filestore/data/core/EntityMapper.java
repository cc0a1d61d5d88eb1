package io.filestore.data.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;


import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mapping.PersistentPropertyAccessor;

import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;
import io.filestore.annotation.OneToMany;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Turns entities into JSON documents and back with Jackson, and handles what Jackson should not:
 * references are written as ids (never as copies of the referenced entity), derived fields
 * ({@link OneToMany}, inverse {@link ManyToMany}) are never written, and the record id is always the
 * document's id field.
 *
 * <p>{@link Instant} and {@link LocalDateTime} are written as ISO-8601 text with a fixed nine-digit
 * fraction ({@code 2026-11-22T09:30:00.000000000Z}), so comparing the text, as indexes and queries do,
 * orders them in time. Thread-safe.
 */
public class EntityMapper {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");

    private final JsonMapper mapper;
    private final FileStoreMappingContext context;

    public EntityMapper(FileStoreMappingContext context) {
        this(context, Json.defaultMapper());
    }

    /** Uses the given mapper's settings, adding the temporal formats and the reference handling. */
    public EntityMapper(FileStoreMappingContext context, JsonMapper base) {
        this.context = context;
        SimpleModule temporal = new SimpleModule("filestore-temporal");
        temporal.addSerializer(Instant.class, new FixedWidth<>(Instant.class, INSTANT));
        temporal.addSerializer(LocalDateTime.class, new FixedWidth<>(LocalDateTime.class, LOCAL));
        this.mapper = base.rebuild().addModule(temporal).annotationIntrospector(new ReferenceAware()).build();
    }

    /** The mapper entities go through. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** A parameter of a query as JSON, so it compares as the stored field does. */
    public JsonNode toValue(Object value) {
        return mapper.valueToTree(value);
    }

    /** The entity's document under the id. */
    public ObjectNode toDocument(Object entity, String id) {
        FileStorePersistentEntity<?> persistent = context.getRequiredPersistentEntity(entity.getClass());
        ObjectNode document = mapper.valueToTree(entity);
        PersistentPropertyAccessor<?> accessor = persistent.getPropertyAccessor(entity);
        for (FileStorePersistentProperty property : persistent) {
            if (property.isIdProperty()) {
                document.put(property.fieldName(), id);
            } else if (property.holdsEntities()) {
                writeReferenceIds(document, property, accessor.getProperty(property));
            }
        }
        return document;
    }

    /** The entity of a document, references not yet resolved. */
    public <T> T toEntity(ObjectNode document, String id, Class<T> type) {
        T entity = mapper.treeToValue(document, type);
        FileStorePersistentEntity<?> persistent = context.getRequiredPersistentEntity(type);
        FileStorePersistentProperty idProperty = persistent.getIdProperty();
        if (idProperty != null) {
            PersistentPropertyAccessor<T> accessor = persistent.getPropertyAccessor(entity);
            accessor.setProperty(idProperty, idProperty.getType() == String.class ? id : mapper.convertValue(id,
                    idProperty.getType()));
            entity = accessor.getBean();
        }
        return entity;
    }

    /** The id of an entity as the store's string id, or {@code null} when it has none. */
    public String idOf(Object entity) {
        Object id = context.getRequiredPersistentEntity(entity.getClass()).getIdentifierAccessor(entity).getIdentifier();
        return id == null ? null : idString(id);
    }

    /** An id value as the store's string id. */
    public String idString(Object id) {
        if (id instanceof String text) {
            return text;
        }
        JsonNode node = mapper.valueToTree(id);
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private void writeReferenceIds(ObjectNode document, FileStorePersistentProperty property, Object value) {
        if (value == null) {
            document.putNull(property.fieldName());
        } else if (value instanceof Collection<?> entities) {
            ArrayNode ids = document.putArray(property.fieldName());
            for (Object referenced : entities) {
                ids.add(requiredId(property, referenced));
            }
        } else {
            document.put(property.fieldName(), requiredId(property, value));
        }
    }

    private String requiredId(FileStorePersistentProperty property, Object referenced) {
        String id = idOf(referenced);
        if (id == null) {
            throw new InvalidDataAccessApiUsageException("Cannot store " + property.getOwner().getType().getSimpleName()
                    + "." + property.getName() + ": the referenced " + referenced.getClass().getSimpleName()
                    + " has no id yet; save it first (saving never copies or cascades into a referenced entity)");
        }
        return id;
    }

    /** The ids a document holds in a reference field: one, several, or none. */
    public static List<String> referenceIds(ObjectNode document, String field) {
        JsonNode node = document.get(field);
        List<String> ids = new ArrayList<>();
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            node.forEach(element -> {
                if (element.isString()) {
                    ids.add(element.stringValue());
                }
            });
        } else if (node.isString()) {
            ids.add(node.stringValue());
        }
        return ids;
    }

    /** Writes temporals at a fixed width, so that their text sorts in time. */
    private static final class FixedWidth<T extends java.time.temporal.TemporalAccessor> extends StdSerializer<T> {
        private final DateTimeFormatter format;

        FixedWidth(Class<T> type, DateTimeFormatter format) {
            super(type);
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(format.format(value));
        }
    }

    /**
     * Keeps Jackson away from what this mapper writes itself: derived fields, entity-valued references
     * (whose copies would recurse) and Spring Data's {@code @Transient} fields.
     */
    private static final class ReferenceAware extends JacksonAnnotationIntrospector {
        @Override
        public boolean hasIgnoreMarker(MapperConfig<?> config, AnnotatedMember member) {
            if (member.hasAnnotation(OneToMany.class) || member.hasAnnotation(Transient.class)) {
                return true;
            }
            ManyToMany manyToMany = member.getAnnotation(ManyToMany.class);
            if (manyToMany != null && (!manyToMany.mappedBy().isEmpty() || !holdsStrings(member))) {
                return true;
            }
            if (member.hasAnnotation(ManyToOne.class) && member.getRawType() != String.class) {
                return true;
            }
            return super.hasIgnoreMarker(config, member);
        }

        private static boolean holdsStrings(AnnotatedMember member) {
            var type = member.getType();
            return type.isContainerType() && type.getContentType() != null && type.getContentType().getRawClass() == String.class;
        }
    }

}

package io.filestore.data.convert;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.convert.DefaultTypeMapper;
import org.springframework.data.convert.EntityReader;
import org.springframework.data.convert.EntityWriter;
import org.springframework.data.convert.SimpleTypeInformationMapper;
import org.springframework.data.convert.TypeMapper;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.PersistentEntityParameterValueProvider;
import org.springframework.data.mapping.model.PropertyValueProvider;

import io.filestore.FileStoreOptions;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns entities into JSON documents and back through Spring Data's mapping metadata, as
 * {@code MappingMongoConverter} does for MongoDB: what is stored is the entity's persistent properties
 * (fields by default, getters and setters with {@code @AccessType(PROPERTY)}), each under its
 * {@linkplain FileStorePersistentProperty#fieldName() stored name}; {@code @Transient}, {@code transient}
 * and derived properties ({@code @OneToMany}, the inverse side of {@code @ManyToMany}) are not, and
 * references to entities are stored as their ids. Reading instantiates through the persistence
 * constructor ({@code @PersistenceCreator}, a record's canonical constructor, or the only one) and sets
 * the other properties through fields, setters or withers, so immutable classes and records work.
 *
 * <p>Nested objects, collections, arrays, maps (keys as text) and enums (by name) are written
 * recursively. A nested object or an entity whose class is not the declared one carries its type under
 * {@value #TYPE_KEY} ({@code @TypeAlias} honoured), so it is read back as that class. Values of JDK types
 * (numbers, text, dates...) go through the store's Jackson mapper, which stays the JSON codec of the
 * document tree: instants and local date-times are written at a fixed width so that their text sorts
 * in time. {@link FileStoreCustomConversions} come first. Thread-safe.
 */
public class MappingFileStoreConverter implements EntityReader<Object, ObjectNode>, EntityWriter<Object, ObjectNode> {

    /** The member that holds a document's type when it is not the declared one. */
    public static final String TYPE_KEY = "_class";

    private final FileStoreMappingContext context;
    private final JsonValues values;
    private final FileStoreCustomConversions conversions;
    private final GenericConversionService conversionService = new DefaultConversionService();
    private final EntityInstantiators instantiators = new EntityInstantiators();
    private final TypeMapper<ObjectNode> typeMapper;
    private final JsonNodeFactory nodes;
    private final Map<FileStorePersistentEntity<?>, EntityPlan> plans = new ConcurrentHashMap<>();
    private final Map<Class<?>, FileStorePersistentEntity<?>> entities = new ConcurrentHashMap<>();
    private final DocumentWriter writer;

    /** A converter with FileStore's default mapper and no custom conversions. */
    public MappingFileStoreConverter(FileStoreMappingContext context) {
        this(context, FileStoreOptions.defaultJsonMapper(), new FileStoreCustomConversions());
    }

    /** A converter whose JDK-typed values go through the mapper, custom conversions first. */
    public MappingFileStoreConverter(FileStoreMappingContext context, JsonMapper mapper, FileStoreCustomConversions conversions) {
        this.context = context;
        this.values = new JsonValues(mapper);
        this.conversions = conversions;
        this.nodes = mapper.getNodeFactory();
        conversions.registerConvertersIn(conversionService);
        this.typeMapper = new DefaultTypeMapper<>(new TypeKey(), context, List.of(new SimpleTypeInformationMapper()));
        this.writer = new DocumentWriter(context, values, conversions, conversionService, typeMapper, this::plan);
    }

    /** The mapping metadata. */
    public FileStoreMappingContext getMappingContext() {
        return context;
    }

    /** The conversion service with the application's converters. */
    public GenericConversionService getConversionService() {
        return conversionService;
    }

    /** The Jackson mapper that writes and reads values of JDK types. */
    public JsonMapper jsonMapper() {
        return values.mapper();
    }

    // ---- writing

    /** The entity's document, with its id under the id property's stored name. */
    @Override
    public void write(Object entity, ObjectNode document) {
        writer.writeEntity(entity, TypeInformation.of(entity.getClass()), document);
    }

    /** The entity's document; its type is recorded when it is not {@code declared} (a subclass in its parent's collection). */
    public ObjectNode toDocument(Object entity, Class<?> declared) {
        ObjectNode document = nodes.objectNode();
        writer.writeEntity(entity, TypeInformation.of(declared), document);
        return document;
    }

    /**
     * A value as it is stored in a property of this type, for comparing with stored values in queries:
     * an embedded object as its document, an enum as its name, a date as its fixed-width text.
     */
    public JsonNode toStoredValue(Object value, @Nullable TypeInformation<?> declared) {
        return writer.writeValue(value, declared == null ? TypeInformation.OBJECT : declared);
    }

    /**
     * The stored path of a property path: each property's stored name ({@code @Field}), joined by
     * dots. A boolean bean property known only by its accessors ({@code isActive()} over a field
     * {@code isActive}) is the field its accessors are named after.
     */
    public String storedPath(PropertyPath path) {
        StringBuilder stored = new StringBuilder();
        FileStorePersistentEntity<?> entity = context.getRequiredPersistentEntity(path.getOwningType());
        for (PropertyPath segment = path; segment != null; segment = segment.next()) {
            FileStorePersistentProperty property = entity == null ? null : entity.getPersistentProperty(segment.getSegment());
            if (property == null && entity != null) {
                property = entity.getPersistentProperty("is" + org.springframework.util.StringUtils.capitalize(segment.getSegment()));
            }
            stored.append(stored.isEmpty() ? "" : ".").append(property != null ? property.fieldName() : segment.getSegment());
            entity = property != null && property.isEntity() && !isValueType(property.getActualType())
                    ? context.getPersistentEntity(property.getActualType()) : null;
        }
        return stored.toString();
    }

    /**
     * A copy of the entity with only the named properties (property paths; the first segment counts)
     * and its id set, the others left as a new instance has them: a field projection.
     */
    public <T> T onlyProperties(T entity, Class<?> declared, Collection<String> properties) {
        FileStorePersistentEntity<?> persistent = context.getRequiredPersistentEntity(entity.getClass());
        Set<String> kept = new HashSet<>(List.of(TYPE_KEY));
        for (String property : properties) {
            kept.add(storedPath(PropertyPath.from(property, entity.getClass())).split("\\.")[0]);
        }
        if (persistent.getIdProperty() != null) {
            kept.add(persistent.getIdProperty().fieldName());
        }
        ObjectNode document = toDocument(entity, declared);
        document.retain(kept);
        @SuppressWarnings("unchecked")
        T trimmed = (T) read(declared, document);
        return trimmed;
    }

    /** The value of {@value #TYPE_KEY} that a record of the class carries: its {@code @TypeAlias}, or its name. */
    public String typeAlias(Class<?> type) {
        Object alias = context.getRequiredPersistentEntity(type).getTypeAlias().getValue();
        return alias != null ? alias.toString() : type.getName();
    }

    /** Whether values of the type are stored as JSON values (a custom conversion, or a JDK type), never as documents. */
    public boolean isValueType(Class<?> type) {
        return conversions.isSimpleType(type) || conversions.hasCustomWriteTarget(type);
    }

    /**
     * The entity as another class with some of its properties, a DTO or record: its document read as
     * that class, so constructor parameters and properties are matched by stored name.
     */
    public <R> R project(Object entity, Class<R> type) {
        return read(type, toDocument(entity, type));
    }

    /** An id value as the store's string id. */
    public String idString(Object id) {
        return writer.idString(id);
    }

    // ---- reading

    /** The entity of a document, references to other entities not yet resolved. */
    @Override
    public <R> R read(Class<R> type, ObjectNode document) {
        return read(type, document, null);
    }

    /**
     * The entity of a stored record: its id property is set from the record id (converted to the
     * property's type), whatever the document holds.
     */
    @SuppressWarnings("unchecked")
    public <R> R read(Class<R> type, ObjectNode document, String id) {
        FileStorePersistentEntity<?> persistent = document.get(TYPE_KEY) == null
                ? entities.computeIfAbsent(type, context::getRequiredPersistentEntity)
                : context.getRequiredPersistentEntity(typeMapper.readType(document, TypeInformation.of(type)));
        return (R) readEntity(persistent, document, id);
    }

    /** The record id as a value of the id property's type. */
    public Object idValue(String id, Class<?> type) {
        return type == String.class || type == Object.class ? id : conversionService.convert(id, type);
    }

    @SuppressWarnings("unchecked")
    private <R> R readEntity(TypeInformation<R> declared, ObjectNode document) {
        return (R) readEntity(context.getRequiredPersistentEntity(typeMapper.readType(document, declared)), document, null);
    }

    /**
     * Instantiates through the persistence creator, then sets the other stored properties the document
     * holds; the id property, when {@code id} is given, gets the record id.
     */
    @SuppressWarnings("unchecked")
    private <R> R readEntity(FileStorePersistentEntity<R> persistent, ObjectNode document, @Nullable String id) {
        EntityPlan plan = plan(persistent);
        FileStorePersistentProperty idProperty = id == null ? null : persistent.getIdProperty();
        Object idValue = idProperty == null ? null : idValue(id, idProperty.getType());
        PropertyValueProvider<FileStorePersistentProperty> fromDocument = new PropertyValueProvider<>() {
            @Override
            public <T> T getPropertyValue(FileStorePersistentProperty property) {
                return (T) (property == idProperty ? idValue : readProperty(property, document.get(property.fieldName())));
            }
        };
        R instance = plan.instantiator.createInstance(persistent,
                new PersistentEntityParameterValueProvider<>(persistent, fromDocument, null));
        if (plan.settable.isEmpty()) {
            return instance;
        }
        // the mapping context's accessors set immutable properties through withers or a new instance
        PersistentPropertyAccessor<R> accessor = persistent.getPropertyAccessor(instance);
        for (FileStorePersistentProperty property : plan.settable) {
            JsonNode node = document.get(property.fieldName());
            if (property == idProperty || node != null) {
                accessor.setProperty(property, property == idProperty ? idValue : readProperty(property, node));
            }
        }
        return accessor.getBean();
    }

    private EntityPlan plan(FileStorePersistentEntity<?> persistent) {
        return plans.computeIfAbsent(persistent, entity -> new EntityPlan(entity, instantiators.getInstantiatorFor(entity)));
    }

    /** A property's value from its node in the document ({@code null} when absent). */
    private @Nullable Object readProperty(FileStorePersistentProperty property, JsonNode node) {
        if (property.holdsEntities() || property.isDerived()) {
            return null; // resolved from the store after reading
        }
        Object value = readValue(node, property.getTypeInformation());
        return value == null && property.getType().isPrimitive() ? primitiveDefault(property.getType()) : value;
    }

    /** A stored value as a value of the given type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public @Nullable Object readValue(@Nullable JsonNode node, TypeInformation<?> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = type.getType();
        if (JsonNode.class.isAssignableFrom(raw)) {
            return node.deepCopy();
        }
        Class<?> stored = values.javaTypeOf(node);
        if (stored != null && conversions.hasCustomReadTarget(stored, raw)) {
            return conversionService.convert(values.read(node, stored), raw);
        }
        if (node.isArray() && (type.isCollectionLike() || raw == Object.class)) {
            return readArray(node, type);
        }
        if (node.isObject() && node.has(TYPE_KEY) && !type.isMap()) {
            return readEntity(type, (ObjectNode) node);
        }
        if (node.isObject() && (type.isMap() || raw == Object.class)) {
            TypeInformation<?> keyType = type.isMap() ? type.getComponentType() : null;
            TypeInformation<?> valueType = type.isMap() ? type.getMapValueType() : null;
            Map map = CollectionFactory.createMap(raw == Object.class ? Map.class : raw,
                    keyType == null ? null : keyType.getType(), node.size());
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Object key = keyType == null || keyType.getType() == String.class ? entry.getKey()
                        : conversionService.convert(entry.getKey(), keyType.getType());
                map.put(key, readValue(entry.getValue(), valueType == null ? TypeInformation.OBJECT : valueType));
            }
            return map;
        }
        if (conversions.isSimpleType(raw) || !node.isObject()) {
            return values.read(node, type);
        }
        return readEntity(type, (ObjectNode) node);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object readArray(JsonNode node, TypeInformation<?> type) {
        TypeInformation<?> element = type.getComponentType() != null ? type.getComponentType() : TypeInformation.OBJECT;
        Class<?> raw = type.getType();
        if (raw.isArray()) {
            Object array = Array.newInstance(raw.getComponentType(), node.size());
            for (int i = 0; i < node.size(); i++) {
                Array.set(array, i, readValue(node.get(i), element));
            }
            return array;
        }
        Collection collection = CollectionFactory.createCollection(raw == Object.class || raw == Iterable.class ? List.class : raw,
                element.getType(), node.size());
        for (JsonNode item : node) {
            collection.add(readValue(item, element));
        }
        return collection;
    }

    private static Object primitiveDefault(Class<?> type) {
        return Array.get(Array.newInstance(type, 1), 0);
    }
}

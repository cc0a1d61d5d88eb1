package io.filestore.data.convert;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.convert.TypeMapper;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.util.CollectionUtils;

import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writing half of {@link MappingFileStoreConverter}: an entity's stored properties under their
 * stored names, nested values recursively, references as ids, custom conversions first.
 */
final class DocumentWriter {

    private final FileStoreMappingContext context;
    private final JsonValues values;
    private final FileStoreCustomConversions conversions;
    private final GenericConversionService conversionService;
    private final TypeMapper<ObjectNode> typeMapper;
    private final JsonNodeFactory nodes;
    private final Function<FileStorePersistentEntity<?>, EntityPlan> plans;

    DocumentWriter(FileStoreMappingContext context, JsonValues values, FileStoreCustomConversions conversions,
                   GenericConversionService conversionService, TypeMapper<ObjectNode> typeMapper,
                   Function<FileStorePersistentEntity<?>, EntityPlan> plans) {
        this.context = context;
        this.values = values;
        this.conversions = conversions;
        this.conversionService = conversionService;
        this.typeMapper = typeMapper;
        this.nodes = values.mapper().getNodeFactory();
        this.plans = plans;
    }

    void writeEntity(Object entity, TypeInformation<?> declared, ObjectNode document) {
        FileStorePersistentEntity<?> persistent = context.getRequiredPersistentEntity(entity.getClass());
        if (!entity.getClass().equals(declared.getType())) {
            typeMapper.writeType(entity.getClass(), document);
        }
        PersistentPropertyAccessor<?> accessor = persistent.getPropertyAccessor(entity);
        for (FileStorePersistentProperty property : plans.apply(persistent).stored) {
            Object value = accessor.getProperty(property);
            if (value == null) {
                continue;
            }
            document.set(property.fieldName(), property.holdsEntities() ? referenceIds(property, value)
                    : writeValue(value, property.getTypeInformation()));
        }
    }

    JsonNode writeValue(Object value, TypeInformation<?> declared) {
        if (value == null) {
            return nodes.nullNode();
        }
        Class<?> type = value.getClass();
        var customTarget = conversions.getCustomWriteTarget(type);
        if (customTarget.isPresent()) {
            return values.write(conversionService.convert(value, customTarget.get()));
        }
        if (value instanceof JsonNode node) {
            return node.deepCopy();
        }
        if (value instanceof Collection<?> || type.isArray() && type != byte[].class) {
            TypeInformation<?> element = declared.isCollectionLike() ? declared.getComponentType() : null;
            ArrayNode array = nodes.arrayNode();
            for (Object item : value instanceof Collection<?> collection ? collection : CollectionUtils.arrayToList(value)) {
                array.add(writeValue(item, element == null ? TypeInformation.OBJECT : element));
            }
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            TypeInformation<?> mapValue = declared.isMap() ? declared.getMapValueType() : null;
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(mapKey(key), writeValue(item, mapValue == null ? TypeInformation.OBJECT : mapValue)));
            return object;
        }
        if (conversions.isSimpleType(type)) {
            return values.write(value);
        }
        ObjectNode nested = nodes.objectNode();
        writeEntity(value, declared, nested);
        return nested;
    }

    private JsonNode referenceIds(FileStorePersistentProperty property, Object value) {
        if (value instanceof Collection<?> entities) {
            ArrayNode ids = nodes.arrayNode();
            entities.forEach(referenced -> ids.add(requiredId(property, referenced)));
            return ids;
        }
        return nodes.stringNode(requiredId(property, value));
    }

    private String requiredId(FileStorePersistentProperty property, Object referenced) {
        Object id = context.getRequiredPersistentEntity(referenced.getClass()).getIdentifierAccessor(referenced).getIdentifier();
        if (id == null) {
            throw new InvalidDataAccessApiUsageException("Cannot store " + property.getOwner().getType().getSimpleName()
                    + "." + property.getName() + ": the referenced " + referenced.getClass().getSimpleName()
                    + " has no id yet; save it first (saving never copies or cascades into a referenced entity)");
        }
        return idString(id);
    }

    /** An id value as the store's string id. */
    String idString(Object id) {
        if (id instanceof String text) {
            return text;
        }
        JsonNode node = writeValue(id, TypeInformation.of(id.getClass()));
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private String mapKey(Object key) {
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        return conversionService.convert(key, String.class);
    }
}

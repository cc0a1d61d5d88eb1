package io.filestore.data.convert;

import java.util.List;

import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;

/**
 * What reading and writing an entity class visits, worked out once from its mapping metadata: the
 * stored properties, and those set after instantiation (not creator arguments nor references).
 */
final class EntityPlan {
    final List<FileStorePersistentProperty> stored = new java.util.ArrayList<>();
    final List<FileStorePersistentProperty> settable = new java.util.ArrayList<>();

    EntityPlan(FileStorePersistentEntity<?> persistent) {
        for (FileStorePersistentProperty property : persistent) {
            if (!property.isStored()) {
                continue;
            }
            stored.add(property);
            if (!persistent.isCreatorArgument(property) && !property.holdsEntities()
                    && (property.isWritable() || property.isImmutable() && property.getWither() != null)) {
                settable.add(property);
            }
        }
    }
}

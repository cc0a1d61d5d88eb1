package io.filestore.data.convert;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.mapping.model.EntityInstantiator;

import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;

/**
 * What reading and writing an entity class visits, worked out once from its mapping metadata: the
 * stored properties, those set after instantiation (not creator arguments nor references), and the
 * instantiator.
 */
final class EntityPlan {
    final List<FileStorePersistentProperty> stored = new ArrayList<>();
    final List<FileStorePersistentProperty> settable = new ArrayList<>();
    final EntityInstantiator instantiator;

    EntityPlan(FileStorePersistentEntity<?> persistent, EntityInstantiator instantiator) {
        this.instantiator = instantiator;
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

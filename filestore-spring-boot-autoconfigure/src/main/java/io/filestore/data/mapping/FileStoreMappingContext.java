package io.filestore.data.mapping;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/** Builds and caches the mapping metadata of entity classes. Thread-safe. */
public class FileStoreMappingContext
        extends AbstractMappingContext<FileStorePersistentEntity<?>, FileStorePersistentProperty> {

    public FileStoreMappingContext() {
        setSimpleTypeHolder(new JsonValueTypes());
    }

    /** JDK and Jackson types are values Jackson writes, never entities to inspect. */
    private static final class JsonValueTypes extends SimpleTypeHolder {
        JsonValueTypes() {
            super(java.util.Set.of(), true);
        }

        @Override
        public boolean isSimpleType(Class<?> type) {
            String name = type.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("tools.jackson.")
                    || super.isSimpleType(type);
        }
    }

    @Override
    protected <T> FileStorePersistentEntity<T> createPersistentEntity(TypeInformation<T> typeInformation) {
        return new FileStorePersistentEntity<>(typeInformation);
    }

    @Override
    protected FileStorePersistentProperty createPersistentProperty(Property property, FileStorePersistentEntity<?> owner,
                                                                 SimpleTypeHolder simpleTypeHolder) {
        return new FileStorePersistentProperty(property, owner, simpleTypeHolder);
    }
}

package io.filestore.data.mapping;

import java.util.Set;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/** Builds and caches the mapping metadata of entity classes. Thread-safe. */
public class FileStoreMappingContext
        extends AbstractMappingContext<FileStorePersistentEntity<?>, FileStorePersistentProperty> {

    /**
     * The types stored as JSON values, never as nested documents: JDK and Jackson types and enums
     * ({@link io.filestore.data.convert.FileStoreCustomConversions} adds the types it converts).
     */
    public static final SimpleTypeHolder SIMPLE_TYPES = new SimpleTypeHolder(Set.of(), true) {
        @Override
        public boolean isSimpleType(Class<?> type) {
            String name = type.getName();
            return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("tools.jackson.")
                    || Enum.class.isAssignableFrom(type) || super.isSimpleType(type);
        }
    };

    public FileStoreMappingContext() {
        setSimpleTypeHolder(SIMPLE_TYPES);
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

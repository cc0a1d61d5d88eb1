package io.filestore.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The fields of {@link FileStoreProperties} and its nested groups, which {@link FileStorePropertyKeys}
 * reads to know every key under {@code filestore.}; Spring Boot's own hints for binding the properties
 * cover their constructors and accessors, not their fields.
 */
class FileStorePropertiesRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        register(hints, FileStoreProperties.class);
    }

    private static void register(RuntimeHints hints, Class<?> group) {
        hints.reflection().registerType(group, MemberCategory.ACCESS_DECLARED_FIELDS);
        for (Class<?> nested : group.getDeclaredClasses()) {
            register(hints, nested);
        }
    }
}

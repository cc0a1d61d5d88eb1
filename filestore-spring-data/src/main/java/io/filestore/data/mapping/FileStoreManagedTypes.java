package io.filestore.data.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.data.domain.ManagedTypes;

/**
 * FileStore's entity classes, Spring Data's {@link ManagedTypes} for the {@link FileStoreMappingContext},
 * as {@code MongoManagedTypes} is for Spring Data MongoDB. Declared as a bean whose name starts with
 * {@code fileStore} ({@code fileStoreManagedTypes}), its classes are listed in the code generated ahead
 * of time (see {@link io.filestore.data.aot.FileStoreManagedTypesBeanRegistrationAotProcessor}), so a
 * native image never scans for them. Immutable.
 */
public final class FileStoreManagedTypes implements ManagedTypes {

    private final List<Class<?>> types;

    private FileStoreManagedTypes(List<Class<?>> types) {
        this.types = List.copyOf(types);
    }

    /** The given entity classes, in their order. */
    public static FileStoreManagedTypes fromIterable(Iterable<? extends Class<?>> types) {
        return new FileStoreManagedTypes(ManagedTypes.fromIterable(types).toList());
    }

    /**
     * The entity classes of the given {@link ManagedTypes}: the form the code generated ahead of time uses
     * to create the bean from the classes it held at build time.
     */
    public static FileStoreManagedTypes from(ManagedTypes types) {
        return new FileStoreManagedTypes(types.toList());
    }

    /** The given entity classes, in their order. */
    public static FileStoreManagedTypes from(Class<?>... types) {
        return new FileStoreManagedTypes(Arrays.asList(types));
    }

    /** No entity classes: each is then added to the mapping on first use. */
    public static FileStoreManagedTypes empty() {
        return new FileStoreManagedTypes(List.of());
    }

    @Override
    public void forEach(Consumer<Class<?>> action) {
        types.forEach(action);
    }

    @Override
    public List<Class<?>> toList() {
        return types;
    }
}

package io.filestore.boot.autoconfigure.data;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.boot.persistence.autoconfigure.EntityScanner;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.ManagedTypes;

import io.filestore.annotation.Document;

/**
 * The entity classes ({@link Document}) of the application, Spring Data's {@link ManagedTypes} for
 * FileStore: their mapping is built, and their indexes declared, before the store opens. Define a bean
 * of this type to choose them yourself.
 *
 * @param classes the entity classes, by name
 */
public record FileStoreEntities(List<Class<?>> classes) implements ManagedTypes {

    public FileStoreEntities {
        classes = classes.stream().sorted(Comparator.comparing(Class::getName)).distinct().toList();
    }

    /** The given entity classes. */
    public static FileStoreEntities of(Class<?>... classes) {
        return new FileStoreEntities(List.of(classes));
    }

    /**
     * The entity classes of the given {@link ManagedTypes}: how the code that Spring generates ahead of
     * time ({@code spring-boot:process-aot}) creates this bean, from the classes the scan found at build time.
     */
    public static FileStoreEntities from(ManagedTypes types) {
        return new FileStoreEntities(types.toList());
    }

    /**
     * The {@link Document} classes Spring Boot's entity scan finds: in the packages of
     * {@code @EntityScan} when the application has one, else in its auto-configuration packages (those
     * of {@code @SpringBootApplication}), loaded through the context's class loader (DevTools' restart
     * class loader, when it runs).
     *
     * @throws ClassNotFoundException when a class the scan found cannot be loaded
     */
    public static FileStoreEntities scan(ApplicationContext context) throws ClassNotFoundException {
        return new FileStoreEntities(List.copyOf(new EntityScanner(context).scan(Document.class)));
    }

    @Override
    public void forEach(Consumer<Class<?>> action) {
        classes.forEach(action);
    }

    @Override
    public List<Class<?>> toList() {
        return classes;
    }
}

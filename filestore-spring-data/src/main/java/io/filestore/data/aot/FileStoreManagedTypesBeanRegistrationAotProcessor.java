package io.filestore.data.aot;

import org.springframework.data.aot.ManagedTypesBeanRegistrationAotProcessor;
import org.springframework.data.domain.ManagedTypes;

import io.filestore.data.mapping.FileStoreManagedTypes;

/**
 * Captures FileStore's entity classes when the application is processed ahead of time, as Spring Data
 * MongoDB does for its {@code mongoManagedTypes}: a {@link ManagedTypes} bean whose name starts with
 * {@code filestore} (any case: Spring Boot's {@code fileStoreEntities}, or an application's
 * {@link FileStoreManagedTypes} bean {@code fileStoreManagedTypes}) is created by the generated code
 * from the classes it held at build time, so no class path scan runs at startup, and each entity class,
 * the types its properties reach and the Spring Data annotations on them get reflection hints.
 * Registered through {@code META-INF/spring/aot.factories}.
 *
 * <p>The bean's type must be a subtype of {@link ManagedTypes} with a public static factory method
 * taking a {@link ManagedTypes} ({@link FileStoreManagedTypes#from(ManagedTypes)}), which the generated
 * code calls. A bean of another type is created at startup, as without AOT; one declared as
 * {@link ManagedTypes} itself is not processed at all: for it, Spring Data 4.1 generates code that does
 * not compile.
 */
public class FileStoreManagedTypesBeanRegistrationAotProcessor extends ManagedTypesBeanRegistrationAotProcessor {

    /** The start of the bean names this processor captures, compared ignoring case. */
    public static final String MODULE_IDENTIFIER = "filestore";

    public FileStoreManagedTypesBeanRegistrationAotProcessor() {
        setModuleIdentifier(MODULE_IDENTIFIER);
    }

    @Override
    protected boolean matchesByType(Class<?> beanType) {
        return beanType != ManagedTypes.class && super.matchesByType(beanType);
    }
}

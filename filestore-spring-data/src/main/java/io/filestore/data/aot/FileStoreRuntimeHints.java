package io.filestore.data.aot;

import java.lang.annotation.Annotation;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;

import io.filestore.annotation.Document;
import io.filestore.annotation.Field;
import io.filestore.annotation.Indexed;
import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;
import io.filestore.annotation.OneToMany;
import io.filestore.data.repository.support.SimpleFileStoreRepository;

/**
 * What FileStore and its Spring Data support reach through reflection or as resources, which no bean
 * definition shows: registered through {@code META-INF/spring/aot.factories} for every application
 * processed ahead of time. The application's own entities and repositories get their hints from
 * {@link FileStoreManagedTypesBeanRegistrationAotProcessor} and from Spring Data's repository
 * processing.
 *
 * <ul>
 * <li>{@link SimpleFileStoreRepository}: Spring Data creates it through a constructor it looks up, and
 * the repository proxy calls its methods reflectively.</li>
 * <li>FileStore's mapping annotations and the Spring Data annotations its mapping and auditing act on:
 * Spring reads their attributes by calling their methods reflectively.</li>
 * <li>zstd-jni's entry class, which the core loads by name to check that the {@code compressed} strategy
 * can work (only when zstd-jni is on the class path), and the core's note of the zstd-jni version it
 * names in its error messages.</li>
 * </ul>
 *
 * The core binds no type of its own through Jackson's reflection: its files are written and read as
 * JSON trees. Record classes an application gives the core API ({@code collection("users", User.class)})
 * are the application's to register, as any type Jackson binds.
 */
public class FileStoreRuntimeHints implements RuntimeHintsRegistrar {

    /** FileStore's annotations, which its mapping reads. */
    static final List<Class<? extends Annotation>> MAPPING_ANNOTATIONS = List.of(Document.class, Field.class,
            Indexed.class, ManyToOne.class, OneToMany.class, ManyToMany.class);

    /** The Spring Data annotations FileStore's mapping and auditing act on. */
    static final List<Class<? extends Annotation>> SPRING_DATA_ANNOTATIONS = List.of(Id.class, Version.class,
            Transient.class, AccessType.class, PersistenceCreator.class, TypeAlias.class, CreatedDate.class,
            CreatedBy.class, LastModifiedDate.class, LastModifiedBy.class);

    /** The zstd-jni class whose initialisation loads its native library; the core looks it up by name. */
    static final String ZSTD_ENTRY_CLASS = "com.github.luben.zstd.Zstd";

    /** The core's note of the zstd-jni artifact it was built with. */
    static final String ZSTD_ARTIFACT_NOTE = "io/filestore/persist/zstd-jni.properties";

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.reflection().registerType(SimpleFileStoreRepository.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                MemberCategory.INVOKE_PUBLIC_METHODS);
        for (Class<? extends Annotation> annotation : MAPPING_ANNOTATIONS) {
            hints.reflection().registerType(annotation, MemberCategory.INVOKE_DECLARED_METHODS);
        }
        for (Class<? extends Annotation> annotation : SPRING_DATA_ANNOTATIONS) {
            hints.reflection().registerType(annotation, MemberCategory.INVOKE_DECLARED_METHODS);
        }
        hints.reflection().registerTypeIfPresent(classLoader, ZSTD_ENTRY_CLASS);
        hints.resources().registerPattern(ZSTD_ARTIFACT_NOTE);
    }
}

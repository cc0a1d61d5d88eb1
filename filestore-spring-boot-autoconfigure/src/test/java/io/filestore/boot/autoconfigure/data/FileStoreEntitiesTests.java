package io.filestore.boot.autoconfigure.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.ManagedTypes;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.scan.Note;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.Order;
import io.filestore.data.repository.User;
import io.filestore.data.rest.Book;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's entities come from Boot's entity scan ({@code @EntityScan}, else the application's
 * packages) through the context's class loader, as Spring Data's {@link ManagedTypes}; collections
 * configured under a near miss of an entity's collection name are warned about.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileStoreEntitiesTests {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class, FileStoreDataAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    static class Application {
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = User.class)
    @EntityScan(basePackageClasses = Note.class)
    static class ScansNotes {
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    static class Bookshop {
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Note.class)
    static class Notebook {
    }

    @Test
    void theEntitiesOfTheApplicationsPackagesAreItsManagedTypes() {
        runner().withUserConfiguration(Application.class).run(context -> {
            ManagedTypes managed = context.getBean(ManagedTypes.class);
            assertThat(managed.toList()).contains(User.class, Order.class)
                    .doesNotContain(Note.class);
            assertThat(context.getBean(FileStoreMappingContext.class).getManagedTypes())
                    .anyMatch(type -> type.getType() == User.class);
        });
    }

    @Test
    void entityScanChoosesThePackagesInsteadOfTheApplicationsOnes() {
        runner().withUserConfiguration(ScansNotes.class).run(context -> {
            assertThat(context.getBean(ManagedTypes.class).toList()).containsExactly(Note.class);
            FileStore store = context.getBean(FileStore.class);
            assertThat(store.collection("notes").isIndexed("topic")).isTrue();
            assertThat(store.collectionNames()).doesNotContain("users");
        });
    }

    @Test
    void entitiesAreLoadedThroughTheContextsClassLoaderAsAfterADevToolsRestart() {
        ClassLoader restart = new RestartClassLoader(getClass().getClassLoader(), Note.class.getPackageName() + ".");
        runner().withClassLoader(restart).withUserConfiguration(Notebook.class).run(context -> {
            assertThat(context).hasNotFailed();
            Class<?> note = context.getBean(ManagedTypes.class).toList().get(0);
            assertThat(note.getName()).isEqualTo(Note.class.getName());
            assertThat(note.getClassLoader()).isSameAs(restart);
            assertThat(context.getBean(FileStore.class).collection("notes").isIndexed("topic")).isTrue();
        });
    }

    @Test
    void aConfiguredCollectionOneOrTwoLettersFromAnEntitysCollectionIsWarnedAbout(CapturedOutput output) {
        runner().withUserConfiguration(Bookshop.class)
                .withPropertyValues("filestore.collections.book.indexed=title", "filestore.collections.audit.wal=false")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("'book'", "'books'", "filestore.collections.book");
        assertThat(output).doesNotContain("'audit'");
    }

    @Test
    void aConfiguredCollectionThatIsAnEntitysCollectionIsNotWarnedAbout(CapturedOutput output) {
        runner().withUserConfiguration(Bookshop.class)
                .withPropertyValues("filestore.collections.books.indexed=isbn")
                .run(context -> assertThat(context.getBean(FileStore.class).collection("books").options().indexed())
                        .contains("title", "author", "isbn"));

        assertThat(output).doesNotContain("'books'");
    }

    /**
     * Loads the classes of one package itself, from the parent's class files, as the restart class
     * loader of Spring Boot DevTools does for the application's classes.
     */
    private static final class RestartClassLoader extends ClassLoader {

        private final String prefix;

        RestartClassLoader(ClassLoader parent, String prefix) {
            super(parent);
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = classFile(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private byte[] classFile(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package io.filestore.data.repository.multistore;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.Advised;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.keyvalue.annotation.KeySpace;
import org.springframework.data.keyvalue.repository.KeyValueRepository;
import org.springframework.data.map.repository.config.EnableMapRepositories;
import org.springframework.data.repository.CrudRepository;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.annotation.Document;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.config.EnableFileStoreRepositories;
import io.filestore.data.repository.support.SimpleFileStoreRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FileStore beside another Spring Data store (KeyValue's map repositories) in one application, both
 * scanning the same package: as with Spring Data's own modules, each store takes only the repositories
 * that are its own (for FileStore: over a {@code @Document} entity or extending {@code FileStoreRepository};
 * for KeyValue: extending {@code KeyValueRepository}), so no repository is created twice and each one's
 * data goes to its own store.
 */
class MultipleStoresTests {

    @TempDir
    static Path dataDir;

    @Document("notes")
    static class Note {
        @Id
        String id;
        String text;
    }

    @KeySpace("tokens")
    static class Token {
        @Id
        String id;
        String value;
    }

    interface NoteRepository extends CrudRepository<Note, String> {
        List<Note> findByText(String text);
    }

    /** KeyValue tells its repositories by their type only, so in a multi-store application they extend its own. */
    interface TokenRepository extends KeyValueRepository<Token, String> {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreRepositories(considerNestedRepositories = true)
    @EnableMapRepositories(considerNestedRepositories = true)
    static class Application {

        @Bean(destroyMethod = "close")
        FileStore fileStore() {
            return FileStore.open(FileStoreOptions.builder(dataDir).build());
        }

        @Bean
        FileStoreTemplate fileStoreTemplate(FileStore fileStore) {
            return new FileStoreTemplate(fileStore, new MappingFileStoreConverter(new FileStoreMappingContext()),
                    List.of(Note.class));
        }
    }

    @Test
    void eachStoreTakesTheRepositoriesOfItsOwnEntities() throws Exception {
        try (var context = new AnnotationConfigApplicationContext(Application.class)) {
            NoteRepository notes = context.getBean(NoteRepository.class);
            TokenRepository tokens = context.getBean(TokenRepository.class);
            assertThat(context.getBeansOfType(NoteRepository.class)).hasSize(1);
            assertThat(context.getBeansOfType(TokenRepository.class)).hasSize(1);

            Note note = new Note();
            note.text = "hello";
            notes.save(note);
            Token token = new Token();
            token.id = "t1";
            token.value = "secret";
            tokens.save(token);

            assertThat(notes.findByText("hello")).hasSize(1);
            assertThat(context.getBean(FileStore.class).collection("notes").count()).isEqualTo(1);
            assertThat(context.getBean(FileStore.class).collectionNames()).doesNotContain("tokens");
            assertThat(tokens.findById("t1")).get().extracting(found -> found.value).isEqualTo("secret");
            assertThat(((Advised) notes).getTargetSource().getTarget()).isInstanceOf(SimpleFileStoreRepository.class);
            assertThat(((Advised) tokens).getTargetSource().getTarget()).isNotInstanceOf(SimpleFileStoreRepository.class);
        }
    }
}

package io.filestore.data.mapping.event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mapping.callback.EntityCallbacks;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.event.sample.Person;
import io.filestore.data.mapping.event.sample.PersonRepository;
import io.filestore.data.mapping.event.sample.Pet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entity callbacks: the context's EntityCallback beans, and callbacks given to a template without Spring. */
class FileStoreEntityCallbacksTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Callbacks.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Person.class)
    static class Callbacks {

        /** Saves a copy with the name trimmed: what is stored is what the callback returned. */
        @Bean
        BeforeConvertCallback<Person> trimName() {
            return (person, collection) -> new Person(person.id, person.name.trim(), person.email);
        }

        @Bean
        BeforeSaveCallback<Person> stampDocument() {
            return (person, document, collection) -> {
                document.put("savedTo", collection);
                return person;
            };
        }

        @Bean
        AfterSaveCallback<Person> noteSaved() {
            return (person, document, collection) -> {
                person.note = "saved as " + document.get("name").asString();
                return person;
            };
        }

        @Bean
        AfterConvertCallback<Person> noteLoaded() {
            return (person, document, collection) -> {
                person.note = "loaded from " + collection;
                return person;
            };
        }

        /** Only for pets: never called for people. */
        @Bean
        BeforeConvertCallback<Pet> refusePets() {
            return (pet, collection) -> {
                throw new IllegalStateException("no pets");
            };
        }
    }

    @Test
    void theContextsCallbacksRunOnSaveAndReadAndWhatTheyReturnIsStoredAndReturned() {
        runner().run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            Person given = new Person("1", "  ada  ", "ada@x.io");

            Person saved = people.save(given);

            assertThat(saved).isNotSameAs(given);
            assertThat(saved.name).isEqualTo("ada");
            assertThat(saved.note).isEqualTo("saved as ada");
            var stored = context.getBean(FileStore.class).collection("people").get("1").orElseThrow();
            assertThat(stored.get("name").asString()).isEqualTo("ada");
            assertThat(stored.get("savedTo").asString()).isEqualTo("people");
            assertThat(people.findById("1").orElseThrow().note).isEqualTo("loaded from people");
            assertThat(people.findAll()).extracting(p -> p.note).containsExactly("loaded from people");
        });
    }

    @Test
    void callbacksRunOnlyForTheirEntityTypeAndOneThatThrowsAbortsTheSave() {
        runner().run(context -> {
            FileStoreTemplate template = context.getBean(FileStoreTemplate.class);
            assertThatThrownBy(() -> template.save(new Pet("p", "rex", null))).hasMessage("no pets");
            assertThat(template.count(Pet.class)).isZero();
        });
    }

    @Test
    void aTemplateWithoutSpringPublishesNothingUntilGivenAPublisherAndRunsTheCallbacksItIsGiven() {
        FileStoreMappingContext mapping = new FileStoreMappingContext();
        try (FileStore store = FileStore.open(FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1)).build())) {
            FileStoreTemplate template = new FileStoreTemplate(store, new MappingFileStoreConverter(mapping), List.of(Person.class));
            template.save(new Person("1", "ada", "ada@x.io"));

            List<ApplicationEvent> events = new ArrayList<>();
            template.setApplicationEventPublisher(event -> events.add((ApplicationEvent) event));
            template.setEntityCallbacks(EntityCallbacks.create((BeforeConvertCallback<Person>) (person, collection) -> {
                person.email = person.email.toUpperCase();
                return person;
            }));
            template.save(new Person("2", "bob", "bob@x.io"));

            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("BeforeConvertEvent", "BeforeSaveEvent", "AfterSaveEvent");
            assertThat(template.findById("2", Person.class).orElseThrow().email).isEqualTo("BOB@X.IO");
            assertThat(template.findById("1", Person.class).orElseThrow().email).isEqualTo("ada@x.io");
        }
    }
}

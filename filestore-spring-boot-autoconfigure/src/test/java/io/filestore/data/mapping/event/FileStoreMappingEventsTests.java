package io.filestore.data.mapping.event;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.event.sample.Person;
import io.filestore.data.mapping.event.sample.PersonRepository;
import io.filestore.data.mapping.event.sample.Pet;
import io.filestore.data.mapping.event.sample.PetRepository;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lifecycle events a repository's operations publish in a real application context. */
class FileStoreMappingEventsTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Person.class)
    static class Application {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }

    /** Every event, in order. */
    static class Recorder extends AbstractFileStoreEventListener<Object> {

        final List<FileStoreMappingEvent<?>> events = new ArrayList<>();
        /** The id a person had when the event was published. */
        final List<String> personIds = new ArrayList<>();

        @Override
        public void onApplicationEvent(FileStoreMappingEvent<?> event) {
            events.add(event);
            personIds.add(event.getSource() instanceof Person person ? person.id : null);
        }

        List<String> names() {
            return events.stream().map(e -> e.getClass().getSimpleName() + " " + e.getCollectionName()).toList();
        }
    }

    /** Validation with a plain event listener: a person needs an email. */
    @Configuration(proxyBeanMethods = false)
    static class Validation {

        @EventListener
        void validate(BeforeSaveEvent<?> event) {
            if (event.getSource() instanceof Person person && (person.email == null || !person.email.contains("@"))) {
                throw new IllegalArgumentException("Person '" + person.name + "' needs an email");
            }
        }
    }

    @Test
    void aSavePublishesBeforeConvertBeforeSaveAndAfterSaveWithTheEntityTheDocumentAndTheCollection() {
        runner().run(context -> {
            Recorder recorder = context.getBean(Recorder.class);
            Person ada = new Person("1", "ada", "ada@x.io");
            context.getBean(PersonRepository.class).save(ada);

            assertThat(recorder.names()).containsExactly("BeforeConvertEvent people", "BeforeSaveEvent people",
                    "AfterSaveEvent people");
            assertThat(recorder.events).allSatisfy(event -> assertThat(event.getSource()).isSameAs(ada));
            assertThat(recorder.events.get(0).getDocument()).isNull();
            ObjectNode document = recorder.events.get(1).getDocument();
            assertThat(document.get("id").asString()).isEqualTo("1");
            assertThat(document.get("name").asString()).isEqualTo("ada");
            assertThat(document.has("note")).isFalse();
            assertThat(recorder.events.get(2).getDocument()).isSameAs(document);
        });
    }

    @Test
    void aGeneratedIdIsOnTheEntityAfterTheSaveAndInTheDocumentBefore() {
        runner().run(context -> {
            Recorder recorder = context.getBean(Recorder.class);
            Person saved = context.getBean(PersonRepository.class).save(new Person(null, "ada", "ada@x.io"));

            assertThat(saved.id).isNotNull();
            assertThat(recorder.personIds).as("set once stored").containsExactly(null, null, saved.id);
            assertThat(recorder.events.get(1).getDocument().get("id").asString()).isEqualTo(saved.id);
        });
    }

    @Test
    void readsPublishAfterLoadAndAfterConvertForEveryDocument() {
        runner().run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            people.save(new Person("1", "ada", "ada@x.io"));
            people.save(new Person("2", "bob", "bob@x.io"));
            Recorder recorder = context.getBean(Recorder.class);
            recorder.events.clear();

            people.findById("1");
            assertThat(recorder.names()).containsExactly("AfterLoadEvent people", "AfterConvertEvent people");
            AfterLoadEvent<?> load = (AfterLoadEvent<?>) recorder.events.get(0);
            assertThat(load.getType()).isEqualTo(Person.class);
            assertThat(load.getDocument().get("name").asString()).isEqualTo("ada");
            assertThat(((Person) recorder.events.get(1).getSource()).name).isEqualTo("ada");

            recorder.events.clear();
            people.findAll();
            people.findByName("bob");
            assertThat(recorder.names()).hasSize(6).containsOnly("AfterLoadEvent people", "AfterConvertEvent people");

            recorder.events.clear();
            people.count();
            people.existsById("1");
            assertThat(recorder.events).as("nothing was read into an entity").isEmpty();
        });
    }

    @Test
    void aReferencedEntityIsLoadedAndConvertedBeforeTheEntityThatRefersToItIsConverted() {
        runner().run(context -> {
            Person ada = context.getBean(PersonRepository.class).save(new Person("1", "ada", "ada@x.io"));
            context.getBean(PetRepository.class).save(new Pet("p", "rex", ada));
            Recorder recorder = context.getBean(Recorder.class);
            recorder.events.clear();

            Pet rex = context.getBean(PetRepository.class).findById("p").orElseThrow();

            assertThat(rex.owner.name).isEqualTo("ada");
            assertThat(recorder.names()).containsExactly("AfterLoadEvent pets", "AfterLoadEvent people",
                    "AfterConvertEvent people", "AfterConvertEvent pets");
        });
    }

    @Test
    void deletesPublishBeforeDeleteAndAfterDeleteWithTheIdTheTypeAndTheCollection() {
        runner().run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            Person ada = people.save(new Person("1", "ada", "ada@x.io"));
            people.save(new Person("2", "bob", "bob@x.io"));
            Recorder recorder = context.getBean(Recorder.class);
            recorder.events.clear();

            people.delete(ada);
            people.deleteById("2");
            people.deleteById("missing");

            assertThat(recorder.names()).containsExactly("BeforeDeleteEvent people", "AfterDeleteEvent people",
                    "BeforeDeleteEvent people", "AfterDeleteEvent people",
                    "BeforeDeleteEvent people", "AfterDeleteEvent people");
            assertThat(recorder.events).allSatisfy(event -> {
                AbstractDeleteEvent<?> delete = (AbstractDeleteEvent<?>) event;
                assertThat(delete.getType()).isEqualTo(Person.class);
                assertThat(delete.getDocument().get("id").asString()).isEqualTo(delete.getId());
            });
            assertThat(recorder.events).extracting(e -> ((AbstractDeleteEvent<?>) e).getId())
                    .containsExactly("1", "1", "2", "2", "missing", "missing");
        });
    }

    @Test
    void aDerivedDeletePublishesEventsPerRecordAndDeleteAllOnePairWithoutAnId() {
        runner().run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            people.save(new Person("1", "ada", "ada@x.io"));
            people.save(new Person("2", "ada", "ada2@x.io"));
            people.save(new Person("3", "bob", "bob@x.io"));
            Recorder recorder = context.getBean(Recorder.class);
            recorder.events.clear();

            people.deleteByName("ada");
            assertThat(recorder.events).filteredOn(e -> e instanceof BeforeDeleteEvent)
                    .extracting(e -> ((AbstractDeleteEvent<?>) e).getId()).containsExactlyInAnyOrder("1", "2");

            recorder.events.clear();
            people.deleteAll();
            assertThat(recorder.names()).containsExactly("BeforeDeleteEvent people", "AfterDeleteEvent people");
            assertThat(((AbstractDeleteEvent<?>) recorder.events.get(0)).getId()).isNull();
            assertThat(recorder.events.get(0).getDocument().isEmpty()).isTrue();
            assertThat(people.count()).isZero();
        });
    }

    @Test
    void aBeforeSaveListenerThatThrowsAbortsTheSaveWithNothingStored() {
        runner().withUserConfiguration(Validation.class).run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            Person valid = people.save(new Person("1", "ada", "ada@x.io"));

            assertThatThrownBy(() -> people.save(new Person("2", "bob", null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("Person 'bob' needs an email");
            assertThat(people.existsById("2")).isFalse();

            valid.email = "no address";
            assertThatThrownBy(() -> people.save(valid)).isInstanceOf(IllegalArgumentException.class);
            assertThat(people.findById("1").orElseThrow().email).as("the stored record is untouched").isEqualTo("ada@x.io");

            assertThatThrownBy(() -> people.saveAll(List.of(new Person("3", "cy", "cy@x.io"), new Person("4", "di", null))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(people.existsById("3")).as("saveAll is all or nothing").isFalse();
            assertThat(context.getBean(FileStore.class).collection("people").count()).isEqualTo(1);
        });
    }

    @Test
    void aFailedSaveLeavesTheCallersEntityWithoutAGeneratedId() {
        runner().withUserConfiguration(Validation.class).run(context -> {
            Person invalid = new Person(null, "bob", null);
            assertThatThrownBy(() -> context.getBean(PersonRepository.class).save(invalid))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(invalid.id).isNull();
            assertThat(context.getBean(FileStore.class).collection("people").count()).isZero();
        });
    }

    @Test
    void aBeforeConvertListenerThatThrowsAbortsTheSaveAndOneThatChangesTheEntityIsStored() {
        runner().withUserConfiguration(ConvertListeners.class).run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            assertThatThrownBy(() -> people.save(new Person("1", "forbidden", "f@x.io")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(people.count()).isZero();

            people.save(new Person("2", "Ada", "ADA@X.IO"));
            assertThat(people.findById("2").orElseThrow().email).isEqualTo("ada@x.io");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ConvertListeners {

        @EventListener
        void normalize(BeforeConvertEvent<?> event) {
            if (event.getSource() instanceof Person person) {
                if ("forbidden".equals(person.name)) {
                    throw new IllegalStateException("forbidden");
                }
                person.email = person.email.toLowerCase();
            }
        }
    }

    @Test
    void changesABeforeSaveListenerMakesToTheDocumentAreStoredAndAfterLoadChangesAreRead() {
        runner().withUserConfiguration(DocumentListeners.class).run(context -> {
            PersonRepository people = context.getBean(PersonRepository.class);
            people.save(new Person("1", "ada", "ada@x.io"));

            assertThat(context.getBean(FileStore.class).collection("people").get("1").orElseThrow().get("stamp").asString())
                    .isEqualTo("stamped");
            assertThat(people.findById("1").orElseThrow().email).as("migrated on load").isEqualTo("migrated@x.io");
            assertThat(context.getBean(FileStore.class).collection("people").get("1").orElseThrow().get("email").asString())
                    .as("the stored record is not touched by a load").isEqualTo("ada@x.io");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class DocumentListeners {

        @EventListener
        void stamp(BeforeSaveEvent<?> event) {
            event.getDocument().put("stamp", "stamped");
        }

        @EventListener
        void migrate(AfterLoadEvent<?> event) {
            if (event.getType() == Person.class) {
                event.getDocument().put("email", "migrated@x.io");
            }
        }
    }

    @Test
    void eventsCanBeSwitchedOff() {
        runner().run(context -> {
            context.getBean(FileStoreTemplate.class).setEntityLifecycleEventsEnabled(false);
            PersonRepository people = context.getBean(PersonRepository.class);
            people.save(new Person("1", "ada", "ada@x.io"));
            people.findById("1");
            people.deleteById("1");
            assertThat(context.getBean(Recorder.class).events).isEmpty();
        });
    }
}

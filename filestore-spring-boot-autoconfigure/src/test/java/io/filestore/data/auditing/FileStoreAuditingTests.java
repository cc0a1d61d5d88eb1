package io.filestore.data.auditing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.mapping.callback.EntityCallbacks;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreRepositoriesAutoConfiguration;
import io.filestore.data.auditing.sample.ImmutableNote;
import io.filestore.data.auditing.sample.ImmutableNoteRepository;
import io.filestore.data.auditing.sample.Note;
import io.filestore.data.auditing.sample.NoteRepository;
import io.filestore.data.auditing.sample.Ticket;
import io.filestore.data.auditing.sample.TicketRepository;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.event.AuditingEntityCallback;
import io.filestore.data.mapping.event.BeforeConvertCallback;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @EnableFileStoreAuditing} in a real application context: an entity callback, as in Spring Data MongoDB. */
class FileStoreAuditingTests {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                        FileStoreDataAutoConfiguration.class, FileStoreRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("filestore.data-dir=" + dir);
    }

    /** The current user, changed by the tests. */
    static final class CurrentUser implements AuditorAware<String> {

        final AtomicReference<String> name = new AtomicReference<>("ada");

        @Override
        public Optional<String> getCurrentAuditor() {
            return Optional.ofNullable(name.get());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Note.class)
    static class Application {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreAuditing
    static class Audited {

        @Bean
        CurrentUser currentUser() {
            return new CurrentUser();
        }
    }

    @Test
    void aNewEntityIsCreatedAndModifiedByTheCurrentUserAndALaterSaveOnlyModified() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            NoteRepository notes = context.getBean(NoteRepository.class);
            Note note = notes.save(new Note("first"));

            assertThat(note.createdBy).isEqualTo("ada");
            assertThat(note.modifiedBy).isEqualTo("ada");
            assertThat(note.createdAt).isNotNull().isEqualTo(note.modifiedAt);

            Thread.sleep(5);
            context.getBean(CurrentUser.class).name.set("bob");
            note.text = "second";
            Note updated = notes.save(note);

            Note loaded = notes.findById(note.id).orElseThrow();
            assertThat(loaded.createdBy).isEqualTo("ada");
            assertThat(loaded.modifiedBy).isEqualTo("bob");
            assertThat(loaded.createdAt).isEqualTo(updated.createdAt);
            assertThat(loaded.modifiedAt).isAfter(loaded.createdAt);
        });
    }

    @Test
    void anImmutableEntityGetsItsAuditFieldsThroughWithersAndTheSaveReturnsTheNewInstance() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            ImmutableNoteRepository notes = context.getBean(ImmutableNoteRepository.class);
            ImmutableNote given = ImmutableNote.of("first");

            ImmutableNote saved = notes.save(given);

            assertThat(given.id()).isNull();
            assertThat(given.createdAt()).as("the given instance is untouched").isNull();
            assertThat(saved.id()).isNotNull();
            assertThat(saved.version()).isZero();
            assertThat(saved.createdBy()).isEqualTo("ada");
            assertThat(saved.createdAt()).isNotNull().isEqualTo(saved.modifiedAt());

            context.getBean(CurrentUser.class).name.set("bob");
            ImmutableNote updated = notes.save(saved.withText("second"));
            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.modifiedBy()).isEqualTo("bob");
            assertThat(updated.createdBy()).isEqualTo("ada");

            ImmutableNote loaded = notes.findById(saved.id()).orElseThrow();
            assertThat(loaded.text()).isEqualTo("second");
            assertThat(loaded.createdAt()).isEqualTo(saved.createdAt());
            assertThat(loaded.modifiedBy()).isEqualTo("bob");
        });
    }

    @Test
    void anImmutableVersionedEntityWithAnAssignedIdIsNewUntilItHasAVersion() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            FileStoreTemplate template = context.getBean(FileStoreTemplate.class);
            ImmutableNote inserted = template.save(new ImmutableNote("n-1", "value", null, null, null, null, null));
            assertThat(inserted.version()).isZero();
            assertThat(inserted.createdAt()).isNotNull();

            Thread.sleep(5);
            ImmutableNote updated = template.save(inserted.withText("changed"));
            ImmutableNote fetched = template.findById("n-1", ImmutableNote.class).orElseThrow();
            assertThat(updated.modifiedAt()).isAfter(inserted.modifiedAt());
            assertThat(fetched.modifiedAt()).isEqualTo(updated.modifiedAt());
            assertThat(fetched.createdAt()).isEqualTo(inserted.createdAt());
            assertThat(fetched.version()).isEqualTo(1);
        });
    }

    @Test
    void withoutAFileStoreMappingContextBeanTheAuditingHandlerUsesItsOwn() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Audited.class)) {
            Note note = EntityCallbacks.create(context).callback(BeforeConvertCallback.class, new Note("x"), "notes");
            assertThat(note.createdBy).isEqualTo("ada");
            assertThat(note.createdAt).isNotNull();
        }
    }

    @Test
    void anEntityWithASequencedIdIsAuditedAsNewBeforeItsIdIsGenerated() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            Ticket ticket = context.getBean(TicketRepository.class).save(new Ticket("broken"));
            assertThat(ticket.id).isEqualTo(1L);
            assertThat(ticket.createdAt).isNotNull();
        });
    }

    @Test
    void auditingIsAnAuditingEntityCallbackBeanThatEntityCallbacksOfTheContextRun() {
        runner().withUserConfiguration(Audited.class).run(context -> {
            assertThat(context).hasSingleBean(AuditingEntityCallback.class).hasSingleBean(FileStoreMappingContext.class);
            assertThat(context.getBean(AuditingEntityCallback.class).getOrder()).isEqualTo(100);

            EntityCallbacks callbacks = EntityCallbacks.create(context);
            Note note = callbacks.callback(BeforeConvertCallback.class, new Note("x"), "notes");
            assertThat(note.createdAt).isNotNull();
            assertThat(note.modifiedAt).isEqualTo(note.createdAt);

            Thread.sleep(5);
            note.id = "known";
            note = callbacks.callback(BeforeConvertCallback.class, note, "notes");
            assertThat(note.modifiedAt).isAfter(note.createdAt);
        });
    }

    @Test
    void withoutTheAnnotationNothingIsAudited() {
        runner().run(context -> {
            assertThat(context).doesNotHaveBean(AuditingEntityCallback.class);
            Note note = context.getBean(NoteRepository.class).save(new Note("x"));
            assertThat(note.createdAt).isNull();
            assertThat(note.createdBy).isNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreAuditing(dateTimeProviderRef = "fixedTime", modifyOnCreate = false, auditorAwareRef = "named")
    static class Configured {

        static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

        @Bean
        DateTimeProvider fixedTime() {
            return () -> Optional.of(NOON);
        }

        @Bean
        AuditorAware<String> named() {
            return () -> Optional.of("named");
        }

        @Bean
        AuditorAware<String> other() {
            return () -> Optional.of("other");
        }
    }

    @Test
    void theAnnotationsAttributesChooseTheAuditorTheClockAndWhetherACreationIsAlsoAModification() {
        runner().withUserConfiguration(Configured.class).run(context -> {
            Note note = context.getBean(NoteRepository.class).save(new Note("x"));
            assertThat(note.createdAt).isEqualTo(Configured.NOON);
            assertThat(note.createdBy).isEqualTo("named");
            assertThat(note.modifiedAt).isNull();
            assertThat(note.modifiedBy).isNull();

            Note updated = context.getBean(NoteRepository.class).save(note);
            assertThat(updated.modifiedAt).isEqualTo(Configured.NOON);
            assertThat(context.getBean(FileStore.class).collection("notes").get(note.id).orElseThrow()
                    .get("modifiedBy").asString()).isEqualTo("named");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Observers {

        final List<String> seen = new ArrayList<>();

        @Bean
        BeforeConvertCallback<Note> beforeAuditing() {
            return new Observer(50, note -> "before auditing: " + note.createdAt);
        }

        @Bean
        BeforeConvertCallback<Note> afterAuditing() {
            return new Observer(200, note -> "after auditing: " + (note.createdAt != null));
        }

        /** Notes what it sees, in its order among the callbacks. */
        final class Observer implements BeforeConvertCallback<Note>, Ordered {

            private final int order;
            private final Function<Note, String> note;

            Observer(int order, Function<Note, String> note) {
                this.order = order;
                this.note = note;
            }

            @Override
            public Note onBeforeConvert(Note entity, String collection) {
                seen.add(note.apply(entity));
                return entity;
            }

            @Override
            public int getOrder() {
                return order;
            }
        }
    }

    @Test
    void callbacksOrderedBefore100SeeTheEntityBeforeItIsAuditedAndLaterOnesAfter() {
        runner().withUserConfiguration(Audited.class, Observers.class).run(context -> {
            context.getBean(NoteRepository.class).save(new Note("x"));
            assertThat(context.getBean(Observers.class).seen).containsExactly("before auditing: null", "after auditing: true");
        });
    }
}

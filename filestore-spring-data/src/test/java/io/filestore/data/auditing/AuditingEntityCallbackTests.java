package io.filestore.data.auditing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.auditing.IsNewAwareAuditingHandler;
import org.springframework.data.mapping.context.PersistentEntities;

import io.filestore.data.auditing.sample.ImmutableNote;
import io.filestore.data.auditing.sample.Note;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.mapping.event.AuditingEntityCallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The auditing callback on its own (after Spring Data MongoDB's AuditingEntityCallbackUnitTests). */
class AuditingEntityCallbackTests {

    private final FileStoreMappingContext context = new FileStoreMappingContext();
    private final IsNewAwareAuditingHandler handler = new IsNewAwareAuditingHandler(new PersistentEntities(List.of(context)));
    private final AuditingEntityCallback callback = new AuditingEntityCallback(() -> handler);

    @Test
    void aNullHandlerFactoryIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AuditingEntityCallback(null));
    }

    @Test
    void anEntityWithoutAnIdIsCreatedAndOneWithAnIdModified() {
        Note fresh = (Note) callback.onBeforeConvert(new Note("x"), "notes");
        assertThat(fresh.createdAt).isNotNull();
        assertThat(fresh.modifiedAt).isEqualTo(fresh.createdAt);

        Note known = new Note("y");
        known.id = "1";
        callback.onBeforeConvert(known, "notes");
        assertThat(known.createdAt).isNull();
        assertThat(known.modifiedAt).isNotNull();
    }

    @Test
    void theOrderIs100UnlessSet() {
        assertThat(callback.getOrder()).isEqualTo(100);
        callback.setOrder(50);
        assertThat(callback.getOrder()).isEqualTo(50);
    }

    @Test
    void anImmutableEntityComesBackAsTheNewInstanceItsWithersMade() {
        ImmutableNote given = ImmutableNote.of("x");
        ImmutableNote audited = (ImmutableNote) callback.onBeforeConvert(given, "immutable-notes");
        assertThat(audited).isNotSameAs(given);
        assertThat(audited.createdAt()).isNotNull();
        assertThat(given.createdAt()).isNull();
    }
}

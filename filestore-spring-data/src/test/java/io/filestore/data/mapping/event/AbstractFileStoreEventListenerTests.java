package io.filestore.data.mapping.event;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import io.filestore.data.mapping.event.sample.Contact;
import io.filestore.data.mapping.event.sample.Person;
import io.filestore.data.mapping.event.sample.Pet;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which events reach which typed listener (after Spring Data MongoDB's AbstractMongoEventListenerUnitTests). */
class AbstractFileStoreEventListenerTests {

    private static ObjectNode document() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void aListenerGetsTheEventsOfItsEntityTypeThroughTheMatchingMethod() {
        Recording<Person> people = new Recording<>() {
        };
        Person ada = new Person("1", "ada", "ada@x.io");
        people.onApplicationEvent(new BeforeConvertEvent<>(ada, "people"));
        people.onApplicationEvent(new BeforeSaveEvent<>(ada, document(), "people"));
        people.onApplicationEvent(new AfterSaveEvent<>(ada, document(), "people"));
        people.onApplicationEvent(new AfterLoadEvent<>(document(), Person.class, "people"));
        people.onApplicationEvent(new AfterConvertEvent<>(document(), ada, "people"));
        people.onApplicationEvent(new BeforeDeleteEvent<>(document(), Person.class, "people", "1"));
        people.onApplicationEvent(new AfterDeleteEvent<>(document(), Person.class, "people", "1"));

        assertThat(people.seen).containsExactly("onBeforeConvert", "onBeforeSave", "onAfterSave", "onAfterLoad",
                "onAfterConvert", "onBeforeDelete", "onAfterDelete");
    }

    @Test
    void eventsOfOtherEntityTypesAreDroppedInAContext() {
        Recording<Person> people = new Recording<>() {
        };
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.addApplicationListener(people);
            context.refresh();
            context.publishEvent(new BeforeConvertEvent<>(new Person("1", "ada", null), "people"));
            context.publishEvent(new BeforeConvertEvent<>("not a person", "people"));
            context.publishEvent(new BeforeConvertEvent<>(new Pet("p", "rex", null), "pets"));
        }
        assertThat(people.seen).containsExactly("onBeforeConvert");
    }

    @Test
    void subtypesReachTheListenersOfTheirSupertypesButNotTheOtherWayAround() {
        Recording<Person> people = new Recording<>() {
        };
        Recording<Contact> contacts = new Recording<>() {
        };
        for (Recording<?> listener : List.of(people, contacts)) {
            listener.onApplicationEvent(new AfterLoadEvent<>(document(), Contact.class, "people"));
            listener.onApplicationEvent(new AfterLoadEvent<>(document(), Person.class, "people"));
            listener.onApplicationEvent(new BeforeSaveEvent<>(new Contact("1", "ada", "555"), document(), "people"));
            listener.onApplicationEvent(new BeforeSaveEvent<>(new Person("2", "bob", null), document(), "people"));
        }
        assertThat(people.seen).containsExactly("onAfterLoad", "onAfterLoad", "onBeforeSave", "onBeforeSave");
        assertThat(contacts.seen).containsExactly("onAfterLoad", "onBeforeSave");
    }

    @Test
    void deleteEventsAreMatchedByTheirTypeAndOnesWithoutATypeReachNoTypedListener() {
        Recording<Person> people = new Recording<>() {
        };
        Recording<Contact> contacts = new Recording<>() {
        };
        people.onApplicationEvent(new BeforeDeleteEvent<>(document(), Contact.class, "people"));
        contacts.onApplicationEvent(new BeforeDeleteEvent<>(document(), Contact.class, "people"));
        people.onApplicationEvent(new BeforeDeleteEvent<>(document(), Pet.class, "pets"));
        people.onApplicationEvent(new AfterDeleteEvent<>(document(), null, "people"));

        assertThat(people.seen).containsExactly("onBeforeDelete");
        assertThat(contacts.seen).containsExactly("onBeforeDelete");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aListenerWithoutATypeArgumentGetsEveryEvent() {
        AbstractFileStoreEventListener untyped = new AbstractFileStoreEventListener() {
        };
        untyped.onApplicationEvent(new FileStoreMappingEvent(new Object(), document(), "people"));
        untyped.onApplicationEvent(new AfterDeleteEvent<>(document(), null, "people"));

        Recording<Object> everything = new Recording<>() {
        };
        everything.onApplicationEvent(new BeforeConvertEvent<>("text", "people"));
        everything.onApplicationEvent(new AfterLoadEvent<>(document(), Pet.class, "pets"));
        assertThat(everything.seen).containsExactly("onBeforeConvert", "onAfterLoad");
    }

    @Test
    void eventsCarryTheirDocumentCollectionTypeAndId() {
        ObjectNode document = document().put("id", "7");
        BeforeDeleteEvent<Person> delete = new BeforeDeleteEvent<>(document, Person.class, "people", 7L);
        assertThat(delete.getSource()).isSameAs(document);
        assertThat(delete.getDocument()).isSameAs(document);
        assertThat(delete.getType()).isEqualTo(Person.class);
        assertThat(delete.getCollectionName()).isEqualTo("people");
        assertThat(delete.getId()).isEqualTo(7L);
        assertThat(new AfterDeleteEvent<>(document, Person.class, "people").getId()).isNull();
        assertThat(new BeforeConvertEvent<>("x", "people").getDocument()).isNull();
        assertThatThrownBy(() -> new AfterLoadEvent<>(document, null, "people")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Records the names of the methods the events reached. */
    abstract static class Recording<E> extends AbstractFileStoreEventListener<E> {

        final List<String> seen = new ArrayList<>();

        @Override
        public void onBeforeConvert(BeforeConvertEvent<E> event) {
            seen.add("onBeforeConvert");
        }

        @Override
        public void onBeforeSave(BeforeSaveEvent<E> event) {
            seen.add("onBeforeSave");
        }

        @Override
        public void onAfterSave(AfterSaveEvent<E> event) {
            seen.add("onAfterSave");
        }

        @Override
        public void onAfterLoad(AfterLoadEvent<E> event) {
            seen.add("onAfterLoad");
        }

        @Override
        public void onAfterConvert(AfterConvertEvent<E> event) {
            seen.add("onAfterConvert");
        }

        @Override
        public void onBeforeDelete(BeforeDeleteEvent<E> event) {
            seen.add("onBeforeDelete");
        }

        @Override
        public void onAfterDelete(AfterDeleteEvent<E> event) {
            seen.add("onAfterDelete");
        }
    }
}

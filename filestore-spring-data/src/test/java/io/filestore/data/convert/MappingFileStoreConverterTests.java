package io.filestore.data.convert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.annotation.AccessType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

import io.filestore.annotation.Document;
import io.filestore.annotation.Field;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.internal.json.Json;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Entities become documents through Spring Data's mapping metadata, not Jackson's bean rules, and come back equal. */
class MappingFileStoreConverterTests {

    private final FileStoreMappingContext context = new FileStoreMappingContext();
    private final MappingFileStoreConverter converter = new MappingFileStoreConverter(context);

    static class Person {
        @Id String id;
        String firstname;
        String lastname;
        @Field("mail") String email;
        @Transient String scratch = "not stored";
        transient String cache = "not stored either";
        Address address;
        List<Address> previous = new ArrayList<>();
        Set<Color> colors;
        Map<String, Integer> scores;
        Instant seen;
        LocalDate born;
        BigDecimal balance;
        UUID token;
        int age;

        Person() {
        }

        Person(String firstname, String lastname) {
            this.firstname = firstname;
            this.lastname = lastname;
        }

        public String getName() { // computed: never stored
            return firstname + " " + lastname;
        }
    }

    record Address(String street, String city) {
    }

    enum Color { RED, GREEN }

    @Document("people")
    static class Employee extends Person {
        String company;
    }

    @TypeAlias("manager")
    static class Manager extends Person {
        int reports;
    }

    record Point(@Id String id, int x, int y, @Version Long version) {
        Point withId(String id) {
            return new Point(id, x, y, version);
        }

        Point withVersion(Long version) {
            return new Point(id, x, y, version);
        }
    }

    static final class Immutable {
        private final String id;
        private final String name;
        private final int size;

        @PersistenceCreator
        Immutable(String name, int size) {
            this(null, name, size);
        }

        private Immutable(String id, String name, int size) {
            this.id = id;
            this.name = name;
            this.size = size;
        }

        Immutable withId(String id) {
            return new Immutable(id, name, size);
        }
    }

    @AccessType(AccessType.Type.PROPERTY)
    static class ByProperty {
        private String value;

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value == null ? null : value.trim();
        }
    }

    static class Holder {
        Object anything;
        Person person;
    }

    @Test
    void fieldsWithoutGettersAreStoredAndComputedGettersAreNot() {
        Person person = new Person("Walter", "White");
        ObjectNode document = converter.toDocument(person, Person.class);
        assertThat(document.get("lastname").asString()).isEqualTo("White");
        assertThat(document.has("name")).isFalse();
        assertThat(document.has("scratch")).isFalse();
        assertThat(document.has("cache")).isFalse();
        assertThat(document.has("_class")).isFalse();
    }

    @Test
    void theStoredNameComesFromField() {
        Person person = new Person("a", "b");
        person.email = "a@x.io";
        ObjectNode document = converter.toDocument(person, Person.class);
        assertThat(document.get("mail").asString()).isEqualTo("a@x.io");
        assertThat(document.has("email")).isFalse();
        assertThat(converter.read(Person.class, document).email).isEqualTo("a@x.io");
    }

    @Test
    void nestedObjectsCollectionsMapsEnumsAndJdkValuesRoundTrip() {
        Person person = new Person("Skyler", "White");
        person.address = new Address("Negra Arroyo Lane", "Albuquerque");
        person.previous.add(new Address("Old Street", "Old Town"));
        person.colors = Set.of(Color.RED);
        person.scores = new LinkedHashMap<>(Map.of("math", 3));
        person.seen = Instant.parse("2026-01-02T03:04:05.123456789Z");
        person.born = LocalDate.of(1970, 8, 11);
        person.balance = new BigDecimal("12.50");
        person.token = UUID.randomUUID();
        person.age = 41;
        ObjectNode document = converter.toDocument(person, Person.class);
        assertThat(document.get("address").get("city").asString()).isEqualTo("Albuquerque");
        assertThat(document.get("colors").get(0).asString()).isEqualTo("RED");
        assertThat(document.get("seen").asString()).isEqualTo("2026-01-02T03:04:05.123456789Z");

        Person read = converter.read(Person.class, (ObjectNode) Json.defaultMapper().readTree(document.toString()));
        assertThat(read).usingRecursiveComparison().ignoringFields("scratch", "cache").isEqualTo(person);
        assertThat(read.scratch).isEqualTo("not stored");
    }

    @Test
    void aSubclassInItsParentsCollectionCarriesItsTypeAndComesBackAsIt() {
        Employee employee = new Employee();
        employee.lastname = "Pinkman";
        employee.company = "Vamonos Pest";
        ObjectNode document = converter.toDocument(employee, Person.class);
        assertThat(document.get("_class").asString()).isEqualTo(Employee.class.getName());
        Person read = converter.read(Person.class, document);
        assertThat(read).isInstanceOf(Employee.class);
        assertThat(((Employee) read).company).isEqualTo("Vamonos Pest");

        Manager manager = new Manager();
        manager.reports = 3;
        ObjectNode managerDocument = converter.toDocument(manager, Person.class);
        assertThat(managerDocument.get("_class").asString()).isEqualTo("manager");
        context.getPersistentEntity(Manager.class); // aliases are known once the entity is
        assertThat(converter.read(Person.class, managerDocument)).isInstanceOf(Manager.class);
    }

    @Test
    void recordsAndImmutableClassesAreBuiltThroughTheirConstructorsAndWithers() {
        Point point = new Point("p1", 1, 2, 3L);
        assertThat(converter.read(Point.class, converter.toDocument(point, Point.class))).isEqualTo(point);
        assertThat(converter.read(Point.class, converter.toDocument(point, Point.class), "other").id()).isEqualTo("other");

        Immutable immutable = new Immutable("i1", "box", 3);
        Immutable read = converter.read(Immutable.class, converter.toDocument(immutable, Immutable.class));
        assertThat(read.id).isEqualTo("i1");
        assertThat(read.name).isEqualTo("box");
        assertThat(read.size).isEqualTo(3);
    }

    @Test
    void propertyAccessUsesGettersAndSetters() {
        ByProperty value = new ByProperty();
        value.setValue("  x  ");
        ObjectNode document = converter.toDocument(value, ByProperty.class);
        document.put("value", "  y  ");
        assertThat(converter.read(ByProperty.class, document).getValue()).isEqualTo("y");
    }

    @Test
    void anObjectOfAnotherTypeThanDeclaredCarriesItsType() {
        Holder holder = new Holder();
        holder.anything = new Address("s", "c");
        holder.person = new Employee();
        ObjectNode document = converter.toDocument(holder, Holder.class);
        assertThat(document.get("anything").get("_class").asString()).isEqualTo(Address.class.getName());
        Holder read = converter.read(Holder.class, document);
        assertThat(read.anything).isEqualTo(new Address("s", "c"));
        assertThat(read.person).isInstanceOf(Employee.class);
    }

    @WritingConverter
    enum AddressToText implements Converter<Address, String> {
        INSTANCE;

        @Override
        public String convert(Address source) {
            return source.street() + "|" + source.city();
        }
    }

    @ReadingConverter
    enum TextToAddress implements Converter<String, Address> {
        INSTANCE;

        @Override
        public Address convert(String source) {
            String[] parts = source.split("\\|");
            return new Address(parts[0], parts[1]);
        }
    }

    @Test
    void customConversionsComeFirst() {
        FileStoreCustomConversions conversions = new FileStoreCustomConversions(List.of(AddressToText.INSTANCE, TextToAddress.INSTANCE));
        FileStoreMappingContext withConversions = new FileStoreMappingContext();
        withConversions.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingFileStoreConverter custom = new MappingFileStoreConverter(withConversions, Json.defaultMapper(), conversions);
        Person person = new Person("a", "b");
        person.address = new Address("Main", "Town");
        person.previous.add(new Address("Old", "City"));
        ObjectNode document = custom.toDocument(person, Person.class);
        assertThat(document.get("address").asString()).isEqualTo("Main|Town");
        assertThat(document.get("previous").get(0).asString()).isEqualTo("Old|City");
        Person read = custom.read(Person.class, document);
        assertThat(read.address).isEqualTo(person.address);
        assertThat(read.previous).containsExactly(new Address("Old", "City"));
    }
}

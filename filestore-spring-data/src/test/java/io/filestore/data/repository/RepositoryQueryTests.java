package io.filestore.data.repository;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.annotation.QueryAnnotation;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Range.Bound;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.core.support.PropertiesBasedNamedQueries;
import org.springframework.data.repository.query.ListQueryByExampleExecutor;
import org.springframework.data.repository.query.QueryLookupStrategy;

import io.filestore.annotation.Document;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;
import io.filestore.internal.json.Json;
import io.filestore.query.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Derived queries as a Spring Data user writes them: embedded objects compared whole, {@code In} with
 * null, {@code Top} with paging, {@code Between} and {@code Range}, {@code IsEmpty}, declared queries
 * refused, and misuse refused clearly. Several cases follow Spring Data KeyValue's and MongoDB's own
 * repository tests (AbstractRepositoryUnitTests, AbstractPersonRepositoryIntegrationTests).
 */
class RepositoryQueryTests {

    @TempDir
    Path dir;

    PeopleStore fixture;
    PersonRepository people;

    Person dave = new Person("Dave", "Matthews", 42);
    Person oliver = new Person("Oliver August", "Matthews", 4);
    Person carter = new Person("Carter", "Beauford", 49);
    Person boyd = new Person("Boyd", "Tinsley", 45);
    Person stefan = new Person("Stefan", "Lessard", 34);
    Person leroi = new Person("Leroi", "Moore", 41);
    Person alicia = new Person("Alicia", "Keys", 30);

    @BeforeEach
    void open() {
        fixture = new PeopleStore(dir);
        people = fixture.people;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private List<Person> band() {
        return people.saveAll(List.of(dave, oliver, carter, boyd, stefan, leroi, alicia));
    }

    @Test
    void findByAnEmbeddedObjectComparesTheWholeDocument() {
        Address home = new Address("Foo Street 1", "C0123", "Bar");
        dave.address = home;
        oliver.address = new Address("Foo Street 1", "C0123", "Baz");
        carter.address = new Address(null, null, "Bar");
        band();

        assertThat(people.findByAddress(new Address("Foo Street 1", "C0123", "Bar"))).containsExactly(dave);
        assertThat(people.findByAddress(new Address(null, null, "Bar"))).containsExactly(carter);
        assertThat(people.findByAddress(new Address("Foo Street 1", null, null))).isEmpty();
        assertThat(people.findByAddressNot(home)).containsExactlyInAnyOrder(oliver, carter, boyd, stefan, leroi, alicia);
        assertThat(people.findByAddressCity("Bar")).containsExactlyInAnyOrder(dave, carter);
        var stored = fixture.store.collection("people").get(dave.id).orElseThrow();
        assertThat(stored.get("addr").get("zip").stringValue()).isEqualTo("C0123"); // stored names, compared as stored
    }

    @Test
    void findByAnElementOfASetOfEmbeddedObjectsComparesTheWholeElement() {
        Address first = new Address("Foo Street 1", "C0123", "Bar");
        Address second = new Address("Bar Street 2", "C0456", "Foo");
        dave.shippingAddresses = Set.of(first, second);
        oliver.shippingAddresses = Set.of(new Address("Foo Street 1", "C0123", "Elsewhere"));
        band();

        assertThat(people.findByShippingAddresses(first)).isEqualTo(dave);
        assertThat(people.findByShippingAddresses(second)).isEqualTo(dave);
        assertThat(people.findByShippingAddressesContaining(second)).containsExactly(dave);
        assertThat(people.findByShippingAddresses(new Address("Foo Street 1", null, null))).isNull();
    }

    @Test
    void inAndNotInWithEmbeddedObjectsCompareWholeDocuments() {
        Address first = new Address("some", "2", "where");
        Address second = new Address("other", "3", "where");
        dave.address = first;
        carter.address = second;
        oliver.address = new Address("some", "2", "else");
        band();

        assertThat(people.findByAddressIn(List.of(first, second))).containsExactlyInAnyOrder(dave, carter);
        Page<Person> page = people.findByAddressIn(List.of(first), PageRequest.of(0, 10));
        assertThat(page.getContent()).containsExactly(dave);
        assertThat(page.getTotalElements()).isEqualTo(1);
        assertThat(people.findByAddressNotIn(List.of(first, second))).containsExactlyInAnyOrder(oliver, boyd, stefan,
                leroi, alicia);
    }

    @Test
    void inWithANullElementMatchesNullPropertiesAndNotInExcludesThem() {
        band();
        Person nameless = people.save(new Person(null, "Nobody", null));

        assertThat(people.findByFirstnameIn(List.of("Dave", "Carter"))).containsExactlyInAnyOrder(dave, carter);
        assertThat(people.findByFirstnameIn(Arrays.asList("Dave", "Carter", null)))
                .containsExactlyInAnyOrder(dave, carter, nameless);
        assertThat(people.findByFirstnameNotIn(List.of("Dave"))).contains(nameless).doesNotContain(dave).hasSize(7);
        assertThat(people.findByFirstnameNotIn(Arrays.asList("Dave", null))).doesNotContain(dave, nameless).hasSize(6);
        assertThat(people.findByAgeIn(Arrays.asList(42, null))).containsExactlyInAnyOrder(dave, nameless);
        assertThat(people.findByAgeNotIn(Arrays.asList(42, 4, null))).containsExactlyInAnyOrder(carter, boyd, stefan,
                leroi, alicia);
    }

    @Test
    void topWithAPageableTakesPagesWithinTheLimitedResult() {
        List<Person> dylans = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            dylans.add(new Person("Bob-" + i, "Dylan", 60 + i));
        }
        people.saveAll(dylans);

        assertThat(people.findTop3ByLastnameStartingWith("Dylan")).hasSize(3);
        Page<Person> first = people.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(0, 2));
        assertThat(first.getContent()).hasSize(2);
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        Page<Person> second = people.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(1, 2));
        assertThat(second.getContent()).hasSize(1);
        assertThat(second.getTotalElements()).isEqualTo(3);
        assertThat(second.isLast()).isTrue();
        Page<Person> beyond = people.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(100, 2));
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(3);

        Pageable byFirstname = PageRequest.of(1, 2, Sort.by("firstname"));
        assertThat(people.findTop3ByLastname("Dylan", byFirstname)).extracting(p -> p.firstname).containsExactly("Bob-3");
        Slice<Person> slice = people.findFirst3ByLastname("Dylan", PageRequest.of(0, 2, Sort.by("firstname")));
        assertThat(slice.getContent()).extracting(p -> p.firstname).containsExactly("Bob-1", "Bob-2");
        assertThat(slice.hasNext()).isTrue();
        Slice<Person> last = people.findFirst3ByLastname("Dylan", byFirstname);
        assertThat(last.getContent()).extracting(p -> p.firstname).containsExactly("Bob-3");
        assertThat(last.hasNext()).isFalse();
        assertThat(people.findTop3ByLastnameOrderByFirstnameAsc("Dylan", Limit.of(2))).extracting(p -> p.firstname)
                .containsExactly("Bob-1", "Bob-2");
        assertThat(people.findTop3ByLastnameOrderByFirstnameAsc("Dylan", Limit.of(5))).hasSize(3);
        try (var stream = people.streamByLastname("Dylan", byFirstname)) {
            assertThat(stream).extracting(p -> p.firstname).containsExactly("Bob-3", "Bob-4");
        }
        assertThat(people.findFirstBy()).isNotNull();
    }

    @Test
    void betweenExcludesBothBoundsAsKeyValueAndMongoDbDo() {
        band();
        assertThat(people.findByAgeBetween(40, 45)).containsExactlyInAnyOrder(dave, leroi);
        assertThat(people.findByAgeBetween(41, 42)).isEmpty();
        assertThat(people.findByLastnameAndAgeBetween("Matthews", 4, 42)).isEmpty();
        assertThat(people.findByLastnameAndAgeBetween("Matthews", 3, 43)).containsExactlyInAnyOrder(dave, oliver);
    }

    @Test
    void betweenWithARangeSaysForEachBoundWhetherItIsIncluded() {
        band();
        people.save(new Person("Ageless", "Nobody", null));

        assertThat(people.findByAgeBetween(Range.closed(41, 45))).containsExactlyInAnyOrder(leroi, dave, boyd);
        assertThat(people.findByAgeBetween(Range.open(41, 45))).containsExactly(dave);
        assertThat(people.findByAgeBetween(Range.rightOpen(41, 45))).containsExactlyInAnyOrder(leroi, dave);
        assertThat(people.findByAgeBetween(Range.leftOpen(41, 45))).containsExactlyInAnyOrder(dave, boyd);
        assertThat(people.findByAgeBetween(Range.of(Bound.unbounded(), Bound.inclusive(30))))
                .containsExactlyInAnyOrder(oliver, alicia);
        assertThat(people.findByAgeBetween(Range.of(Bound.exclusive(45), Bound.unbounded()))).containsExactly(carter);
        assertThat(people.findByAgeBetween(Range.unbounded())).hasSize(7); // every age, not the missing one

        Plan plan = fixture.query("findByAgeBetween", Range.class).explain(Range.closed(41, 45));
        assertThat(plan.access()).isEqualTo(Plan.Access.INDEX_RANGE);
    }

    @Test
    void isEmptyMatchesEmptyTextCollectionsMapsAndEmbeddedObjectsAndIsNotEmptyEverythingElse() {
        band();
        Person emptyFirstname = people.save(new Person("", "EmptyFirstname", 1));
        Person blankFirstname = people.save(new Person("   ", "BlankFirstname", 2));
        Person nullFirstname = people.save(new Person(null, "NullFirstname", 3));
        assertThat(people.findByFirstnameIsEmpty()).containsExactly(emptyFirstname);
        assertThat(people.findByFirstnameIsNotEmpty()).contains(dave, blankFirstname, nullFirstname)
                .doesNotContain(emptyFirstname).hasSize(9);

        Person emptySkills = new Person("Empty", "Skills", 5);
        emptySkills.skills = List.of();
        people.save(emptySkills);
        carter.skills = List.of("Drums");
        people.save(carter);
        assertThat(people.findBySkillsIsEmpty()).containsExactly(emptySkills);
        assertThat(people.findBySkillsIsNotEmpty()).contains(carter, boyd).doesNotContain(emptySkills);

        Person emptyAddress = people.save(new Person("Empty", "Address", 6).withAddress(new Address()));
        people.save(dave.withAddress(new Address("street", "zip", "city")));
        assertThat(people.findByAddressIsEmpty()).containsExactly(emptyAddress);
        assertThat(people.findByAddressIsNotEmpty()).contains(dave).doesNotContain(emptyAddress);

        dave.metadata = new HashMap<>();
        people.save(dave);
        oliver.metadata = Map.of("key", "value");
        people.save(oliver);
        assertThat(people.findByMetadataIsEmpty()).containsExactly(dave);
        assertThat(people.findByMetadataIsNotEmpty()).contains(oliver).doesNotContain(dave);
    }

    interface AgeEmptiness extends FileStoreRepository<Person, String> {
        List<Person> findByAgeIsEmpty();
    }

    @Test
    void isEmptyOnAPropertyThatIsNeverEmptyIsRefusedWhenTheRepositoryIsCreated() {
        assertThatThrownBy(() -> fixture.factory.getRepository(AgeEmptiness.class))
                .hasStackTraceContaining("findByAgeIsEmpty")
                .hasStackTraceContaining("uses IsEmpty on 'age', a Integer, which is never empty");
    }

    /** A query annotation as Spring Data modules declare theirs (JPA's and MongoDB's {@code @Query}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @QueryAnnotation
    @interface Query {
        String value();
    }

    interface AnnotatedQueries extends FileStoreRepository<Person, String> {
        @Query("{ 'lastname' : ?0 }")
        List<Person> findByFirstname(String lastname);
    }

    interface NamedQueries extends FileStoreRepository<Person, String> {
        List<Person> findByLastname(String lastname);
    }

    @Test
    void declaredQueriesAreRefusedWhenTheRepositoryIsCreatedNotAcceptedAndIgnored() {
        assertThatThrownBy(() -> fixture.factory.getRepository(AnnotatedQueries.class))
                .hasStackTraceContaining("Query method AnnotatedQueries.findByFirstname declares its query with @Query;"
                        + " FileStore runs no query strings");

        Properties named = new Properties();
        named.setProperty("Person.findByLastname", "lastname = ?0");
        FileStoreRepositoryFactory factory = new FileStoreRepositoryFactory(fixture.template);
        factory.setNamedQueries(new PropertiesBasedNamedQueries(named));
        assertThatThrownBy(() -> factory.getRepository(NamedQueries.class))
                .hasStackTraceContaining("Query method NamedQueries.findByLastname has the named query 'Person.findByLastname'");

        FileStoreRepositoryFactory declaredOnly = new FileStoreRepositoryFactory(fixture.template);
        declaredOnly.setQueryLookupStrategyKey(QueryLookupStrategy.Key.USE_DECLARED_QUERY);
        assertThatThrownBy(() -> declaredOnly.getRepository(NamedQueries.class))
                .hasStackTraceContaining("USE_DECLARED_QUERY");
    }

    @Test
    void nullWhereSpringDataForbidsItIsAnIllegalArgumentAndChangesNothing() {
        band();
        assertThatIllegalArgumentException().isThrownBy(() -> people.findAll((Sort) null)).withMessageContaining("Sort");
        assertThatIllegalArgumentException().isThrownBy(() -> people.findAll((Pageable) null)).withMessageContaining("Pageable");
        assertThatIllegalArgumentException().isThrownBy(() -> people.findById(null)).withMessageContaining("id");
        assertThatIllegalArgumentException().isThrownBy(() -> people.existsById(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.findAllById(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.save(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.saveAll(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.deleteById(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.delete(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.deleteAll(null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.deleteAll(Arrays.asList(dave, null)));
        assertThatIllegalArgumentException().isThrownBy(() -> people.deleteAllById(Arrays.asList(carter.id, null)));
        assertThatIllegalArgumentException().isThrownBy(() -> people.findAll(Example.of(new Person()), (Sort) null));
        assertThatIllegalArgumentException().isThrownBy(() -> people.findAll((Example<Person>) null));
        assertThat(people.count()).isEqualTo(7); // the deletes before the null rolled back
    }

    @Document("notes")
    static class Note {
        public String text;

        Note(String text) {
            this.text = text;
        }
    }

    @Test
    void deletingAnEntityWhoseClassHasNoIdPropertyFailsInsteadOfReportingNothingDeleted() {
        fixture.store.collection("notes").put("n1", Json.defaultMapper().createObjectNode().put("text", "keep"));
        assertThatThrownBy(() -> fixture.template.delete(new Note("keep")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("Cannot delete a Note from notes: the class has no id property");
        assertThat(fixture.store.collection("notes").exists("n1")).isTrue();
    }

    @Test
    void queryByExampleReturnsLists() {
        band();
        assertThat(ListQueryByExampleExecutor.class).isAssignableFrom(FileStoreRepository.class);
        Person probe = new Person(null, "Matthews", null);
        assertThat(people.findAll(Example.of(probe), Sort.by("firstname"))).containsExactly(dave, oliver);
        assertThat(people.findAll(Example.of(probe))).isInstanceOf(List.class).hasSize(2);
    }
}

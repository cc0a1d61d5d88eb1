package io.filestore.data.repository;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.filestore.data.repository.PersonRepository.FirstnameOnly;
import io.filestore.data.repository.PersonRepository.PersonName;
import io.filestore.data.repository.PersonRepository.PersonPlace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query methods returning DTO classes, records, interfaces, and the type a {@code Class<T>} argument
 * names. Cases follow Spring Data MongoDB's (DATAMONGO-1030) and KeyValue's (DATAKV-121) tests.
 */
class RepositoryProjectionTests {

    @TempDir
    Path dir;

    PeopleStore fixture;
    PersonRepository people;

    Person dave = new Person("Dave", "Matthews", 42).withAddress(new Address("Foo Street 1", "C0123", "Bar"));
    Person oliver = new Person("Oliver August", "Matthews", 4);
    Person carter = new Person("Carter", "Beauford", 49);

    @BeforeEach
    void open() {
        fixture = new PeopleStore(dir);
        people = fixture.people;
        people.saveAll(List.of(dave, oliver, carter));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aDtoClassIsBuiltFromTheEntitysPropertiesOfTheSameNames() {
        assertThat(people.findSummaryByLastname("Beauford")).isEqualTo(new PersonSummaryDto("Carter", "Beauford"));
        assertThat(people.findSummariesByAgeGreaterThanOrderByAgeAsc(10))
                .containsExactly(new PersonSummaryDto("Dave", "Matthews"), new PersonSummaryDto("Carter", "Beauford"));
    }

    @Test
    void aRecordIsBuiltThroughItsCanonicalConstructorInEveryResultShape() {
        assertThat(people.findNamesByLastnameOrderByFirstnameAsc("Matthews"))
                .containsExactly(new PersonName("Dave", "Matthews"), new PersonName("Oliver August", "Matthews"));
        Page<PersonName> page = people.findPagedNamesByLastname("Matthews", PageRequest.of(1, 1, Sort.by("firstname")));
        assertThat(page.getContent()).containsExactly(new PersonName("Oliver August", "Matthews"));
        assertThat(page.getTotalElements()).isEqualTo(2);
        try (var stream = people.streamNamesByLastname("Beauford")) {
            assertThat(stream).containsExactly(new PersonName("Carter", "Beauford"));
        }
    }

    @Test
    void aDtoPropertyTakesTheEntityPropertyOfItsNameWhateverItIsStoredUnder() {
        // Person stores its address under "addr": the record's address still comes from Person.address
        assertThat(people.findPlaceByFirstname("Dave")).contains(new PersonPlace("Dave", dave.address));
        assertThat(people.findPlaceByFirstname("Carter")).contains(new PersonPlace("Carter", null));
        List<PersonPlace> places = people.findBy(Example.of(new Person("Dave", null, null)), q -> q.as(PersonPlace.class).all());
        assertThat(places).containsExactly(new PersonPlace("Dave", dave.address));
    }

    @Test
    void aClassArgumentChoosesTheProjectionAtEachCall() {
        assertThat(people.findByLastnameOrderByFirstnameAsc("Matthews", PersonSummaryDto.class))
                .containsExactly(new PersonSummaryDto("Dave", "Matthews"), new PersonSummaryDto("Oliver August", "Matthews"));
        assertThat(people.findByLastnameOrderByFirstnameAsc("Matthews", PersonName.class))
                .containsExactly(new PersonName("Dave", "Matthews"), new PersonName("Oliver August", "Matthews"));
        assertThat(people.findByLastnameOrderByFirstnameAsc("Matthews", FirstnameOnly.class))
                .extracting(FirstnameOnly::getFirstname).containsExactly("Dave", "Oliver August");
        assertThat(people.findByLastnameOrderByFirstnameAsc("Matthews", Person.class)).containsExactly(dave, oliver);
        assertThat(people.findOneByFirstname("Carter", PersonName.class)).contains(new PersonName("Carter", "Beauford"));
        assertThat(people.findOneByFirstname("Nobody", PersonName.class)).isEmpty();
    }

    @Test
    void interfaceProjectionsKeepWorking() {
        assertThat(people.findFirstnamesByLastnameOrderByFirstnameAsc("Matthews")).extracting(FirstnameOnly::getFirstname)
                .containsExactly("Dave", "Oliver August");
        assertThat(people.findBy(Example.of(new Person(null, "Beauford", null)), q -> q.as(FirstnameOnly.class).firstValue())
                .getFirstname()).isEqualTo("Carter");
    }
}

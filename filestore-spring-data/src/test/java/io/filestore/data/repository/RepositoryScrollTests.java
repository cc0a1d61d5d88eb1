package io.filestore.data.repository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.support.WindowIterator;

import io.filestore.data.repository.PersonRepository.PersonName;
import io.filestore.query.Plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scrolling: {@code Window} results from offset and keyset positions, with a {@code Limit}, a
 * {@code Top}, a {@code Pageable} or through the fluent query of an example. Cases follow Spring Data
 * MongoDB's (GH-4308, GH-4397, GH-5159); keyset windows are checked against one sorted read, missing
 * values and ties included, forward and backward.
 */
class RepositoryScrollTests {

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

    private void band() {
        people.saveAll(List.of(dave, oliver, carter, boyd, stefan, leroi, alicia));
    }

    @Test
    void aTopMethodsWindowHoldsThatManyAndSaysMoreFollow() {
        band();
        people.save(new Person("Adam", "Matthews", 12));
        Window<Person> window = people.findTop2ByLastnameOrderByFirstnameAsc("Matthews", ScrollPosition.keyset());
        assertThat(window.size()).isEqualTo(2);
        assertThat(window.isLast()).isFalse();
        assertThat(window).extracting(p -> p.firstname).containsExactly("Adam", "Dave");
        Window<Person> next = people.findTop2ByLastnameOrderByFirstnameAsc("Matthews", window.positionAt(1));
        assertThat(next).containsExactly(oliver);
        assertThat(next.isLast()).isTrue();
    }

    @Test
    void aLimitArgumentIsTheWindowSize() {
        band();
        Window<Person> window = people.findByLastnameOrderByFirstnameAsc("Matthews", ScrollPosition.keyset(), Limit.of(1));
        assertThat(window).containsExactly(dave);
        assertThat(window.hasNext()).isTrue();
        assertThat(people.findByLastnameOrderByFirstnameAsc("Matthews", window.positionAt(0), Limit.of(1)))
                .containsExactly(oliver);
    }

    @Test
    void windowsWithoutCriteriaWalkTheWholeCollection() {
        band();
        List<Person> seen = new ArrayList<>();
        Window<Person> window = people.findAllBy(Limit.of(2), ScrollPosition.keyset());
        assertThat(window.isLast()).isFalse();
        while (true) {
            seen.addAll(window.getContent());
            if (window.isLast()) {
                break;
            }
            assertThat(window.size()).isEqualTo(2);
            window = people.findAllBy(Limit.of(2), window.positionAt(window.size() - 1));
        }
        assertThat(seen).containsExactlyElementsOf(people.findAll()); // by id
    }

    @Test
    void offsetWindowsContinueAfterTheLastRowSeen() {
        band();
        Sort byAge = Sort.by("age");
        Window<Person> first = people.findBy(ScrollPosition.offset(), Limit.of(3), byAge);
        assertThat(first).containsExactly(oliver, alicia, stefan);
        assertThat(first.positionAt(2)).isEqualTo(ScrollPosition.offset(2));
        Window<Person> second = people.findBy(first.positionAt(2), Limit.of(3), byAge);
        assertThat(second).containsExactly(leroi, dave, boyd);
        Window<Person> third = people.findBy(second.positionAt(2), Limit.of(3), byAge);
        assertThat(third).containsExactly(carter);
        assertThat(third.isLast()).isTrue();
        assertThat(people.findBy(ScrollPosition.offset(5), Limit.unlimited(), byAge)).containsExactly(carter);
    }

    @Test
    void aWindowOfAPageableStartsAtThePagesOffsetAndProjects() {
        band();
        Window<PersonSummaryDto> first = people.findCursorProjectionByLastname("Matthews",
                PageRequest.of(0, 1, Sort.by(Sort.Direction.ASC, "firstname")));
        assertThat(first).containsExactly(new PersonSummaryDto("Dave", "Matthews"));
        assertThat(first.isLast()).isFalse();
        Window<PersonSummaryDto> second = people.findCursorProjectionByLastname("Matthews",
                PageRequest.of(1, 1, Sort.by("firstname")));
        assertThat(second).containsExactly(new PersonSummaryDto("Oliver August", "Matthews"));
        assertThat(second.isLast()).isTrue();

        Window<PersonName> names = people.findWindowNamesByLastname("Matthews", ScrollPosition.keyset(), Limit.of(1),
                Sort.by("firstname"));
        assertThat(names).containsExactly(new PersonName("Dave", "Matthews"));
        assertThat(people.findWindowNamesByLastname("Matthews", names.positionAt(0), Limit.of(1), Sort.by("firstname")))
                .containsExactly(new PersonName("Oliver August", "Matthews"));
    }

    @Test
    void aFluentQueryOfAnExampleScrolls() {
        band();
        Example<Person> startsWithM = Example.of(new Person(null, "M", null),
                ExampleMatcher.matching().withMatcher("lastname", ExampleMatcher.GenericPropertyMatcher::startsWith));
        Window<Person> first = people.findBy(startsWithM,
                q -> q.limit(2).sortBy(Sort.by("firstname")).scroll(ScrollPosition.keyset()));
        assertThat(first).containsExactly(dave, leroi);
        assertThat(first.hasNext()).isTrue();
        ScrollPosition position = first.positionAt(first.size() - 1);
        Window<Person> second = people.findBy(startsWithM, q -> q.limit(2).sortBy(Sort.by("firstname")).scroll(position));
        assertThat(second).containsExactly(oliver);
        assertThat(second.hasNext()).isFalse();
        Window<PersonName> byOffset = people.findBy(startsWithM,
                q -> q.limit(2).sortBy(Sort.by("firstname")).as(PersonName.class).scroll(ScrollPosition.offset(1)));
        assertThat(byOffset).containsExactly(new PersonName("Oliver August", "Matthews"));
    }

    @Test
    void keysetWindowsWalkEveryRowOnceInSortOrderMissingValuesAndTiesIncluded() {
        Random random = new Random(22);
        String[] lastnames = {"Ames", "Bell", "Cole", null};
        String[] cities = {"Oslo", "Lima", "Rome"};
        List<Person> saved = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Person person = new Person("P" + i, lastnames[random.nextInt(lastnames.length)],
                    random.nextInt(4) == 0 ? null : random.nextInt(8));
            if (random.nextBoolean()) {
                person.address = new Address("s" + i, null, cities[random.nextInt(cities.length)]);
            }
            saved.add(person);
        }
        people.saveAll(saved);
        List<Sort> sorts = List.of(Sort.unsorted(), Sort.by("age"), Sort.by(Sort.Direction.DESC, "age"),
                Sort.by(Sort.Order.asc("lastname"), Sort.Order.desc("age")), Sort.by("address.city", "age"),
                Sort.by(Sort.Order.desc("lastname"), Sort.Order.asc("age"), Sort.Order.desc("id")));
        for (Sort sort : sorts) {
            List<Person> expected = people.findAll(sort);
            for (int size : new int[] {1, 3, 7, 100}) {
                List<Person> forward = new ArrayList<>();
                Window<Person> window = people.findBy(ScrollPosition.keyset(), Limit.of(size), sort);
                forward.addAll(window.getContent());
                while (window.hasNext()) {
                    window = people.findBy(window.positionAt(window.size() - 1), Limit.of(size), sort);
                    forward.addAll(window.getContent());
                }
                assertThat(forward).as(sort + " by " + size).containsExactlyElementsOf(expected);

                // back from the last row: every row before it, in the same order
                LinkedList<Person> backward = new LinkedList<>();
                ScrollPosition from = ((KeysetScrollPosition) window.positionAt(window.size() - 1)).backward();
                do {
                    window = people.findBy(from, Limit.of(size), sort);
                    backward.addAll(0, window.getContent());
                    from = window.isEmpty() ? from : window.positionAt(0);
                } while (window.hasNext());
                assertThat(backward).as("backward " + sort + " by " + size)
                        .containsExactlyElementsOf(expected.subList(0, expected.size() - 1));
            }
        }
        List<Person> iterated = new ArrayList<>();
        WindowIterator.of(position -> people.findBy(position, Limit.of(4), Sort.by("age")))
                .startingAt(ScrollPosition.keyset()).forEachRemaining(iterated::add);
        assertThat(iterated).containsExactlyElementsOf(people.findAll(Sort.by("age")));
    }

    @Test
    void aKeysetWindowOverAnIndexedSortKeyReadsFromTheIndex() {
        List<Person> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new Person("P" + i, "L" + (i % 7), i % 100));
        }
        people.saveAll(many);
        Window<Person> first = people.findByOrderByAgeAsc(ScrollPosition.keyset(), Limit.of(10));
        assertThat(first).extracting(p -> p.age).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2, 3);
        ScrollPosition position = first.positionAt(9);
        assertThat(((KeysetScrollPosition) position).getKeys()).containsOnlyKeys("age", "id").containsEntry("age", 3);

        Plan resume = fixture.query("findByOrderByAgeAsc", ScrollPosition.class, Limit.class).explain(position, Limit.of(10));
        assertThat(resume.access()).isEqualTo(Plan.Access.INDEX_RANGE);
        assertThat(resume.indexOrdered()).isTrue();
        assertThat(people.findByOrderByAgeAsc(position, Limit.of(10))).extracting(p -> p.age)
                .containsExactly(3, 3, 4, 4, 4, 5, 5, 5, 6, 6);

        Plan filtered = fixture.query("findByAgeGreaterThanOrderByAgeAsc", int.class, ScrollPosition.class, Limit.class)
                .explain(1, position, Limit.of(10));
        assertThat(filtered.access()).isEqualTo(Plan.Access.INDEX_RANGE);
        assertThat(filtered.indexOrdered()).isTrue();
    }

    @Test
    void aPositionThatIsNotOneOfTheSortsIsRefused() {
        band();
        assertThatThrownBy(() -> people.findBy(ScrollPosition.forward(Map.of("firstname", "Dave")), Limit.of(2), Sort.by("age")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lacks the keys [age, id]");
        assertThatIllegalArgumentException().isThrownBy(() -> people.findBy(null, Limit.of(2), Sort.by("age")))
                .withMessageContaining("ScrollPosition must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> people.findBy(ScrollPosition.keyset(), Limit.of(0), Sort.by("age")))
                .withMessageContaining("at least one row");
    }
}

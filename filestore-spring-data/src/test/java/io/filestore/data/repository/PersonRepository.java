package io.filestore.data.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

public interface PersonRepository extends FileStoreRepository<Person, String> {

    // embedded objects, In and NotIn
    List<Person> findByAddress(Address address);
    List<Person> findByAddressNot(Address address);
    @Nullable Person findByShippingAddresses(Address address);
    List<Person> findByShippingAddressesContaining(Address address);
    List<Person> findByAddressIn(Collection<Address> addresses);
    Page<Person> findByAddressIn(Collection<Address> addresses, Pageable pageable);
    List<Person> findByAddressNotIn(Collection<Address> addresses);
    List<Person> findByAddressCity(String city);
    List<Person> findByFirstnameIn(Collection<String> firstnames);
    List<Person> findByFirstnameNotIn(Collection<String> firstnames);
    List<Person> findByAgeIn(Collection<Integer> ages);
    List<Person> findByAgeNotIn(Collection<Integer> ages);

    // Top/First with paging
    List<Person> findTop3ByLastnameStartingWith(String lastname);
    Page<Person> findTop3ByLastnameStartingWith(String lastname, Pageable pageable);
    Slice<Person> findFirst3ByLastname(String lastname, Pageable pageable);
    List<Person> findTop3ByLastname(String lastname, Pageable pageable);
    List<Person> findTop3ByLastnameOrderByFirstnameAsc(String lastname, Limit limit);
    Stream<Person> streamByLastname(String lastname, Pageable pageable);
    Person findFirstBy();

    // Between
    List<Person> findByAgeBetween(int from, int to);
    List<Person> findByAgeBetween(Range<Integer> range);
    List<Person> findByLastnameAndAgeBetween(String lastname, int from, int to);

    // IsEmpty, IsNotEmpty
    List<Person> findByFirstnameIsEmpty();
    List<Person> findByFirstnameIsNotEmpty();
    List<Person> findBySkillsIsEmpty();
    List<Person> findBySkillsIsNotEmpty();
    List<Person> findByAddressIsEmpty();
    List<Person> findByAddressIsNotEmpty();
    List<Person> findByMetadataIsEmpty();
    List<Person> findByMetadataIsNotEmpty();

    // projections
    PersonSummaryDto findSummaryByLastname(String lastname);
    List<PersonSummaryDto> findSummariesByAgeGreaterThanOrderByAgeAsc(int age);
    List<PersonName> findNamesByLastnameOrderByFirstnameAsc(String lastname);
    Optional<PersonPlace> findPlaceByFirstname(String firstname);
    Page<PersonName> findPagedNamesByLastname(String lastname, Pageable pageable);
    Stream<PersonName> streamNamesByLastname(String lastname);
    <T> List<T> findByLastnameOrderByFirstnameAsc(String lastname, Class<T> type);
    <T> Optional<T> findOneByFirstname(String firstname, Class<T> type);
    List<FirstnameOnly> findFirstnamesByLastnameOrderByFirstnameAsc(String lastname);

    // scrolling
    Window<Person> findAllBy(Limit limit, ScrollPosition position);
    Window<Person> findBy(@Nullable ScrollPosition position, Limit limit, Sort sort);
    Window<Person> findTop2ByLastnameOrderByFirstnameAsc(String lastname, ScrollPosition position);
    Window<Person> findByLastnameOrderByFirstnameAsc(String lastname, ScrollPosition position, Limit limit);
    Window<Person> findByAgeGreaterThanOrderByAgeAsc(int age, ScrollPosition position, Limit limit);
    Window<Person> findByOrderByAgeAsc(ScrollPosition position, Limit limit);
    Window<PersonSummaryDto> findCursorProjectionByLastname(String lastname, Pageable pageable);
    Window<PersonName> findWindowNamesByLastname(String lastname, ScrollPosition position, Limit limit, Sort sort);

    /** A record projection. */
    record PersonName(String firstname, String lastname) {
    }

    /** A record projection of a property the entity stores under another name ({@code addr}). */
    record PersonPlace(String firstname, Address address) {
    }

    /** An interface projection. */
    interface FirstnameOnly {
        String getFirstname();
    }
}

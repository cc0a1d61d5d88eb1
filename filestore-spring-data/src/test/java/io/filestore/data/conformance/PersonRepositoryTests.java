/*
 * Copyright 2011-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/AbstractPersonRepositoryIntegrationTests.java,
// adapted to FileStore.
package io.filestore.data.conformance;

import static java.util.Arrays.*;
import static org.assertj.core.api.Assertions.*;
import static org.assertj.core.api.Assumptions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.*;
import org.springframework.data.domain.ExampleMatcher.GenericPropertyMatcher;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.util.Streamable;
import org.springframework.test.util.ReflectionTestUtils;

import io.filestore.data.conformance.Person.Sex;
import io.filestore.data.conformance.PersonRepository.Persons;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.query.Where;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base class for tests for {@link PersonRepository}.
 * <p>
 * Adapted to FileStore: each test opens a real store in a {@link TempDir} and saves the band (the
 * original's {@code setupState()}) before it, where the original shares one MongoDB database among its
 * tests and resets it after those marked {@code @DirtiesState}. Only the tests of derived queries and
 * of the repository contract are ported; left out are the tests of MongoDB features: {@code @Query},
 * {@code @CountQuery}, {@code @DeleteQuery}, {@code @ExistsQuery}, named queries, {@code @Aggregation},
 * {@code @Update}, SpEL in queries, Querydsl predicates and {@code QSort}, geospatial queries,
 * {@code @DBRef}, {@code @DocumentReference}, {@code @Unwrapped}, field projections in annotated queries,
 * and {@code Pattern} arguments to {@code Like} (GH-5027).
 * <p>
 * {@code Like} patterns: MongoDB's wildcard is {@code *}, FileStore's are SQL's {@code %} and
 * {@code _} (without any, both mean "contains"); {@code "*a*"} is written {@code "%a%"} here.
 *
 * @author Oliver Gierke
 * @author Thomas Darimont
 * @author Christoph Strobl
 * @author Mark Paluch
 * @author Fırat KÜÇÜK
 * @author Edward Prentice
 * @author Junhyeong Choi
 */
class PersonRepositoryTests {

	@TempDir Path dir;

	ConformanceStore store;

	protected PersonRepository repository;

	Person dave, oliver, carter, boyd, stefan, leroi, alicia;

	List<Person> all;

	@BeforeEach
	void openStore() {
		store = ConformanceStore.open(dir, Person.class);
		repository = store.repository(PersonRepository.class);
		setupState();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	public void setupState() {

		repository.deleteAll();

		dave = new Person("Dave", "Matthews", 42);
		oliver = new Person("Oliver August", "Matthews", 4);
		carter = new Person("Carter", "Beauford", 49);
		carter.setSkills(Arrays.asList("Drums", "percussion", "vocals"));

		boyd = new Person("Boyd", "Tinsley", 45);
		boyd.setSkills(Arrays.asList("Violin", "Electric Violin", "Viola", "Mandolin", "Vocals", "Guitar"));
		stefan = new Person("Stefan", "Lessard", 34);
		leroi = new Person("Leroi", "Moore", 41);
		alicia = new Person("Alicia", "Keys", 30, Sex.FEMALE);

		Arrays.asList(boyd, stefan, leroi, alicia).forEach(it -> {
			it.createdAt = new Date(dave.createdAt.getTime() + 1000L);
		});

		List<Person> toSave = asList(oliver, dave, carter, boyd, stefan, leroi, alicia);
		toSave.forEach(it -> it.setId(null));

		all = repository.saveAll(toSave);
	}

	@Test
	void findsPersonById() {

		assertThat(repository.findById(dave.getId())).contains(dave);
	}

	@Test
	void findsAllMusicians() {
		List<Person> result = repository.findAll();
		assertThat(result).hasSameSizeAs(all).containsAll(all);
	}

	@Test
	void findsAllWithGivenIds() {

		Iterable<Person> result = repository.findAllById(asList(dave.id, boyd.id));
		assertThat(result).contains(dave, boyd).doesNotContain(oliver, carter, stefan, leroi, alicia);
	}

	@Test
	void deletesPersonCorrectly() {

		repository.delete(dave);

		List<Person> result = repository.findAll();

		assertThat(result).hasSize(all.size() - 1).doesNotContain(dave);
	}

	@Test
	void deletesPersonByIdCorrectly() {

		repository.deleteById(dave.getId());

		List<Person> result = repository.findAll();

		assertThat(result).hasSize(all.size() - 1).doesNotContain(dave);
	}

	@Test
	void findsPersonsByLastname() {

		List<Person> result = repository.findByLastname("Beauford");
		assertThat(result).hasSize(1).contains(carter);
	}

	@Test // GH-5178
	@SuppressWarnings("rawtypes")
	void findsExtendedPersonsByLastname() {

		List<ExtendedPerson> result = repository.findExtendedPersonByLastname("Beauford");
		assertThat(result).hasSize(1).extracting(ExtendedPerson::getClass).contains((Class) ExtendedPerson.class);
	}

	@Test
	void findsPersonsByFirstnameLike() {

		List<Person> result = repository.findByFirstnameLike("Bo%"); // was "Bo*"
		assertThat(result).hasSize(1).contains(boyd);
	}

	@Test // DATAMONGO-1608
	void findByFirstnameLikeWithNull() {
		// MongoDB's repositories throw the IllegalArgumentException of their query creator; FileStore's refuse
		// the null with Spring's InvalidDataAccessApiUsageException, the data-access translation of an
		// IllegalArgumentException (as JPA repositories throw it)
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class)
				.isThrownBy(() -> repository.findByFirstnameLike((String) null));
	}

	@Test
	void findsPagedPersons() {

		Page<Person> result = repository.findAll(PageRequest.of(1, 2, Direction.ASC, "lastname", "firstname"));
		assertThat(result.isFirst()).isFalse();
		assertThat(result.isLast()).isFalse();
		assertThat(result).contains(dave, stefan);
	}

	@Test // GH-4308
	void appliesScrollPositionCorrectly() {

		Window<Person> page = repository.findTop2ByLastnameLikeOrderByLastnameAscFirstnameAsc("%a%",
				ScrollPosition.keyset());

		assertThat(page.isLast()).isFalse();
		assertThat(page.size()).isEqualTo(2);
		assertThat(page).contains(carter);
	}

	@Test // GH-5159
	void allowsToScrollThroughEntriesWithoutAnyCriteria() {

		Window<Person> page = repository.findAllBy(Limit.of(2), ScrollPosition.keyset());
		assertThat(page.isLast()).isFalse();

		while (!page.isLast()) {

			assertThat(page.size()).isEqualTo(2);
			page = repository.findAllBy(Limit.of(2), page.positionAt(1));
		}
	}

	@Test // GH-4397
	void appliesLimitToScrollingCorrectly() {

		Window<Person> page = repository.findByLastnameLikeOrderByLastnameAscFirstnameAsc("%a%", ScrollPosition.keyset(),
				Limit.of(2));

		assertThat(page.isLast()).isFalse();
		assertThat(page.size()).isEqualTo(2);
		assertThat(page).contains(carter);
	}

	@Test // GH-4308
	void appliesScrollPositionWithProjectionCorrectly() {

		Window<PersonSummaryDto> page = repository.findCursorProjectionByLastnameLike("%a%",
				PageRequest.of(0, 2, Sort.by(Direction.ASC, "lastname", "firstname")));

		assertThat(page.isLast()).isFalse();
		assertThat(page.size()).isEqualTo(2);

		assertThat(page).element(0).isEqualTo(new PersonSummaryDto(carter.getFirstname(), carter.getLastname()));
	}

	@Test
	void executesPagedFinderCorrectly() {

		Page<Person> page = repository.findByLastnameLike("%a%",
				PageRequest.of(0, 2, Direction.ASC, "lastname", "firstname"));
		assertThat(page.isFirst()).isTrue();
		assertThat(page.isLast()).isFalse();
		assertThat(page.getNumberOfElements()).isEqualTo(2);
		assertThat(page).contains(carter, stefan);
	}

	@Test // GH-4397
	void executesFinderCorrectlyWithSortAndLimit() {

		List<Person> page = repository.findByLastnameLike("%a%", Sort.by(Direction.ASC, "lastname", "firstname"),
				Limit.of(2));

		assertThat(page).containsExactly(carter, stefan);
	}

	@Test
	void findsPersonInAgeRangeCorrectly() {

		List<Person> result = repository.findByAgeBetween(40, 45);
		assertThat(result).hasSize(2).contains(dave, leroi);
	}

	@Test
	void findsPersonByShippingAddressesCorrectly() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setShippingAddresses(new HashSet<Address>(asList(address)));

		repository.save(dave);
		assertThat(repository.findByShippingAddresses(address)).isEqualTo(dave);
	}

	@Test
	void findsPersonByAddressCorrectly() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setAddress(address);
		repository.save(dave);

		List<Person> result = repository.findByAddress(address);
		assertThat(result).hasSize(1).contains(dave);
	}

	@Test // GH-5089
	void streamPersonByAddressCorrectly() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setAddress(address);
		repository.save(dave);

		Streamable<Person> result = repository.streamByAddress(address);
		assertThat(result).hasSize(1).contains(dave);
	}

	@Test // GH-5089
	void useCustomReturnTypeImplementingStreamable() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setAddress(address);
		repository.save(dave);

		Persons result = repository.streamPersonsByAddress(address);
		assertThat(result).hasSize(1).contains(dave);
	}

	@Test // GH-5089
	void streamPersonByAddressCorrectlyWhenPaged() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setAddress(address);
		oliver.setAddress(address);
		repository.saveAll(List.of(dave, oliver));

		Streamable<Person> result = repository.streamByAddress(address,
				PageRequest.of(0, 1, Sort.by(Direction.DESC, "firstname")));
		assertThat(result).containsExactly(oliver);

		result = repository.streamByAddress(address, PageRequest.of(1, 1, Sort.by(Direction.DESC, "firstname")));
		assertThat(result).containsExactly(dave);
	}

	@Test
	void findsPeopleByZipCode() {

		Address address = new Address("Foo Street 1", "C0123", "Bar");
		dave.setAddress(address);
		repository.save(dave);

		List<Person> result = repository.findByAddressZipCode(address.getZipCode());
		assertThat(result).hasSize(1).contains(dave);
	}

	@Test // DATADOC-136
	void findsPeopleBySexCorrectly() {

		List<Person> females = repository.findBySex(Sex.FEMALE);
		assertThat(females).hasSize(1);
		assertThat(females.get(0)).isEqualTo(alicia);
	}

	@Test // DATAMONGO-446
	void findsPeopleBySexPaginated() {

		List<Person> males = repository.findBySex(Sex.MALE, PageRequest.of(0, 2));
		assertThat(males).hasSize(2);
	}

	@Test // DATADOC-190
	void existsWorksCorrectly() {
		assertThat(repository.existsById(dave.getId())).isTrue();
	}

	@Test
	void rejectsDuplicateEmailAddressOnSave() {

		assumeThat(repository.findById(dave.getId()).map(Person::getEmail)).contains("dave@dmband.com");

		Person daveSyer = new Person("Dave", "Syer");
		assertThat(daveSyer.getEmail()).isEqualTo("dave@dmband.com");

		Assertions.assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> repository.save(daveSyer));
	}

	@Test // DATADOC-236
	void findsPeopleByLastnameAndOrdersCorrectly() {
		List<Person> result = repository.findByLastnameOrderByFirstnameAsc("Matthews");
		assertThat(result).hasSize(2);
		assertThat(result.get(0)).isEqualTo(dave);
		assertThat(result.get(1)).isEqualTo(oliver);
	}

	@Test // DATADOC-236
	void appliesStaticAndDynamicSorting() {
		List<Person> result = repository.findByFirstnameLikeOrderByLastnameAsc("%e%", Sort.by("age"));
		assertThat(result).hasSize(5);
		assertThat(result.get(0)).isEqualTo(carter);
		assertThat(result.get(1)).isEqualTo(stefan);
		assertThat(result.get(2)).isEqualTo(oliver);
		assertThat(result.get(3)).isEqualTo(dave);
		assertThat(result.get(4)).isEqualTo(leroi);
	}

	@Test // DATAMONGO-425
	void bindsDateParameterForLessThanPredicateCorrectly() {

		List<Person> result = repository.findByCreatedAtLessThan(boyd.createdAt);
		assertThat(result).hasSize(3).contains(dave, oliver, carter);
	}

	@Test // DATAMONGO-425
	void bindsDateParameterForGreaterThanPredicateCorrectly() {

		List<Person> result = repository.findByCreatedAtGreaterThan(carter.createdAt);
		assertThat(result).hasSize(4).contains(boyd, stefan, leroi, alicia);
	}

	@Test // DATAMONGO-427
	void bindsDateParameterToBeforePredicateCorrectly() {

		List<Person> result = repository.findByCreatedAtBefore(boyd.createdAt);
		assertThat(result).hasSize(3).contains(dave, oliver, carter);
	}

	@Test // DATAMONGO-427
	void bindsDateParameterForAfterPredicateCorrectly() {

		List<Person> result = repository.findByCreatedAtAfter(carter.createdAt);
		assertThat(result).hasSize(4).contains(boyd, stefan, leroi, alicia);
	}

	@Test // DATAMONGO-472
	void findsPeopleUsingNotPredicate() {

		List<Person> result = repository.findByLastnameNot("Matthews");
		assertThat(result).doesNotContain(dave).hasSize(5);
	}

	@Test // DATAMONGO-521
	void executesAndQueryCorrectly() {

		List<Person> result = repository.findByFirstnameAndLastname("Dave", "Matthews");

		assertThat(result).hasSize(1).contains(dave);

		result = repository.findByFirstnameAndLastname("Oliver August", "Matthews");

		assertThat(result).hasSize(1).contains(oliver);
	}

	@Test // DATAMONGO-600
	void readsDocumentsWithNestedPolymorphismCorrectly() {

		UsernameAndPassword usernameAndPassword = new UsernameAndPassword();
		usernameAndPassword.username = "dave";
		usernameAndPassword.password = "btcs";

		dave.credentials = usernameAndPassword;

		repository.save(dave);

		List<Person> result = repository.findByCredentials(usernameAndPassword);
		assertThat(result).hasSize(1).contains(dave);
	}

	@Test // DATAMONGO-636
	void executesDerivedCountProjection() {
		assertThat(repository.countByLastname("Matthews")).isEqualTo(2L);
	}

	@Test // DATAMONGO-636
	void executesDerivedCountProjectionToInt() {
		assertThat(repository.countByFirstname("Oliver August")).isEqualTo(1);
	}

	@Test // DATAMONGO-1454
	void executesDerivedExistsProjectionToBoolean() {

		assertThat(repository.existsByFirstname("Oliver August")).isTrue();
		assertThat(repository.existsByFirstname("Hans Peter")).isFalse();
	}

	@Test // DATAMONGO-701
	void executesDerivedStartsWithQueryCorrectly() {

		List<Person> result = repository.findByLastnameStartsWith("Matt");
		assertThat(result).hasSize(2).contains(dave, oliver);
	}

	@Test // DATAMONGO-701
	void executesDerivedEndsWithQueryCorrectly() {

		List<Person> result = repository.findByLastnameEndsWith("thews");
		assertThat(result).hasSize(2).contains(dave, oliver);
	}

	@Test // DATAMONGO-1608
	void findByFirstNameIgnoreCaseWithNull() {
		// MongoDB refuses a null argument to IgnoreCase with an IllegalArgumentException; FileStore follows
		// Spring Data KeyValue, where a null argument to a simple property (ignoring case or not) matches null
		// values: no musician lacks a first name
		assertThat(repository.findByFirstnameIgnoreCase(null)).isEmpty();
	}

	@Test // DATAMONGO-770
	void findByFirstNameIgnoreCase() {

		List<Person> result = repository.findByFirstnameIgnoreCase("dave");

		assertThat(result).hasSize(1);
		assertThat(result.get(0)).isEqualTo(dave);
	}

	@Test // DATAMONGO-770
	void findByFirstnameNotIgnoreCase() {

		List<Person> result = repository.findByFirstnameNotIgnoreCase("dave");

		assertThat(result).hasSize(6).doesNotContain(dave);
	}

	@Test // DATAMONGO-770
	void findByFirstnameStartingWithIgnoreCase() {

		List<Person> result = repository.findByFirstnameStartingWithIgnoreCase("da");
		assertThat(result).hasSize(1);
		assertThat(result.get(0)).isEqualTo(dave);
	}

	@Test
	void findByFirstnameStartingWith() {

		String inputString = "\\E.*\\Q";
		List<Person> result = repository.findByFirstnameStartingWith(inputString);
		assertThat(result).isEmpty();
	}

	@Test // DATAMONGO-770
	void findByFirstnameEndingWithIgnoreCase() {

		List<Person> result = repository.findByFirstnameEndingWithIgnoreCase("VE");
		assertThat(result).hasSize(1);
		assertThat(result.get(0)).isEqualTo(dave);
	}

	@Test // DATAMONGO-770
	void findByFirstnameContainingIgnoreCase() {

		List<Person> result = repository.findByFirstnameContainingIgnoreCase("AV");
		assertThat(result).hasSize(1);
		assertThat(result.get(0)).isEqualTo(dave);
	}

	@Test // DATAMONGO-870
	void findsSliceOfPersons() {

		Slice<Person> result = repository.findByAgeGreaterThan(40, PageRequest.of(0, 2, Direction.DESC, "firstname"));

		assertThat(result.hasNext()).isTrue();
	}

	@Test // DATAMONGO-566
	void deleteByShouldReturnListOfDeletedElementsWhenRetunTypeIsCollectionLike() {

		List<Person> result = repository.deleteByLastname("Beauford");

		assertThat(result).contains(carter).hasSize(1);
	}

	@Test // DATAMONGO-566
	void deleteByShouldRemoveElementsMatchingDerivedQuery() {

		repository.deleteByLastname("Beauford");

		// was: operations.count(new BasicQuery("{'lastname':'Beauford'}"), Person.class)
		assertThat(store.template.count(store.template.query(Person.class).where(Where.eq("lastname", "Beauford"))))
				.isEqualTo(0L);
	}

	@Test // DATAMONGO-566
	void deleteByShouldReturnNumberOfDocumentsRemovedIfReturnTypeIsLong() {
		assertThat(repository.deletePersonByLastname("Beauford")).isEqualTo(1L);
	}

	@Test // DATAMONGO-1997
	void deleteByShouldResultWrappedInOptionalCorrectly() {

		assertThat(repository.deleteOptionalByLastname("Beauford")).isPresent();
		assertThat(repository.deleteOptionalByLastname("dorfuaeB")).isNotPresent();
	}

	@Test // DATAMONGO-566
	void deleteByShouldReturnZeroInCaseNoDocumentHasBeenRemovedAndReturnTypeIsNumber() {
		assertThat(repository.deletePersonByLastname("dorfuaeB")).isEqualTo(0L);
	}

	@Test // DATAMONGO-566
	void deleteByShouldReturnEmptyListInCaseNoDocumentHasBeenRemovedAndReturnTypeIsCollectionLike() {
		assertThat(repository.deleteByLastname("dorfuaeB")).isEmpty();
	}

	@Test // DATAMONGO-893
	void findByNestedPropertyInCollectionShouldFindMatchingDocuments() {

		Person p = new Person("Mary", "Poppins");
		Address adr = new Address("some", "2", "where");
		p.setAddress(adr);

		repository.save(p);

		Page<Person> result = repository.findByAddressIn(Arrays.asList(adr), PageRequest.of(0, 10));

		assertThat(result.getContent()).hasSize(1);
	}

	@Test // DATAMONGO-950
	void shouldLimitCollectionQueryToMaxResultsWhenPresent() {

		repository.saveAll(Arrays.asList(new Person("Bob-1", "Dylan"), new Person("Bob-2", "Dylan"),
				new Person("Bob-3", "Dylan"), new Person("Bob-4", "Dylan"), new Person("Bob-5", "Dylan")));
		List<Person> result = repository.findTop3ByLastnameStartingWith("Dylan");
		assertThat(result).hasSize(3);
	}

	@Test // DATAMONGO-950, DATAMONGO-1464
	void shouldNotLimitPagedQueryWhenPageRequestWithinBounds() {

		repository.saveAll(Arrays.asList(new Person("Bob-1", "Dylan"), new Person("Bob-2", "Dylan"),
				new Person("Bob-3", "Dylan"), new Person("Bob-4", "Dylan"), new Person("Bob-5", "Dylan")));
		Page<Person> result = repository.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(0, 2));
		assertThat(result.getContent()).hasSize(2);
		assertThat(result.getTotalElements()).isEqualTo(3L);
	}

	@Test // DATAMONGO-950
	void shouldLimitPagedQueryWhenPageRequestExceedsUpperBoundary() {

		repository.saveAll(Arrays.asList(new Person("Bob-1", "Dylan"), new Person("Bob-2", "Dylan"),
				new Person("Bob-3", "Dylan"), new Person("Bob-4", "Dylan"), new Person("Bob-5", "Dylan")));
		Page<Person> result = repository.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(1, 2));
		assertThat(result.getContent()).hasSize(1);
	}

	@Test // DATAMONGO-950, DATAMONGO-1464
	void shouldReturnEmptyWhenPageRequestedPageIsTotallyOutOfScopeForLimit() {

		repository.saveAll(Arrays.asList(new Person("Bob-1", "Dylan"), new Person("Bob-2", "Dylan"),
				new Person("Bob-3", "Dylan"), new Person("Bob-4", "Dylan"), new Person("Bob-5", "Dylan")));
		Page<Person> result = repository.findTop3ByLastnameStartingWith("Dylan", PageRequest.of(100, 2));
		assertThat(result.getContent()).isEmpty();
		assertThat(result.getTotalElements()).isEqualTo(3L);
	}

	@Test // DATAMONGO-996, DATAMONGO-950, DATAMONGO-1464
	void gettingNonFirstPageWorksWithoutLimitBeingSet() {

		Page<Person> slice = repository.findByLastnameLike("Matthews", PageRequest.of(1, 1));

		assertThat(slice.getContent()).hasSize(1);
		assertThat(slice.hasPrevious()).isTrue();
		assertThat(slice.hasNext()).isFalse();
		assertThat(slice.getTotalElements()).isEqualTo(2L);
	}

	@Test // DATAMONGO-1030
	void executesSingleEntityQueryWithProjectionCorrectly() {

		PersonSummaryDto result = repository.findSummaryByLastname("Beauford");

		assertThat(result).isNotNull();
		assertThat(result.firstname).isEqualTo("Carter");
		assertThat(result.lastname).isEqualTo("Beauford");
	}

	@Test // DATAMONGO-1057
	void sliceShouldTraverseElementsWithoutSkippingOnes() {

		List<Person> persons = new ArrayList<Person>(100);
		for (int i = 0; i < 100; i++) {
			// format firstname to assert sorting retains proper order
			persons.add(new Person(String.format("%03d", i), "ln" + 1, 100));
		}

		// was: operations.bulkOps(BulkMode.UNORDERED, Person.class).insert(persons).execute()
		repository.saveAll(persons);

		Slice<Person> slice = repository.findByAgeGreaterThan(50, PageRequest.of(0, 20, Direction.ASC, "firstname"));
		assertThat(slice).containsExactlyElementsOf(persons.subList(0, 20));

		slice = repository.findByAgeGreaterThan(50, slice.nextPageable());
		assertThat(slice).containsExactlyElementsOf(persons.subList(20, 40));
	}

	@Test // DATAMONGO-1911
	void findByUUIDShouldReturnCorrectResult() {

		dave.setUniqueId(UUID.randomUUID());
		repository.save(dave);

		Person dave = repository.findByUniqueId(this.dave.getUniqueId());

		assertThat(dave).isEqualTo(dave);
		// the original compares the local with itself; what it means to check:
		assertThat(dave).isEqualTo(this.dave);
	}

	@Test // DATAMONGO-1245
	void findByExampleShouldResolveStuffCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");

		// needed to tweak stuff a bit since some field are automatically set - so we need to undo this
		ReflectionTestUtils.setField(sample, "id", null);
		ReflectionTestUtils.setField(sample, "createdAt", null);
		ReflectionTestUtils.setField(sample, "email", null);

		Page<Person> result = repository.findAll(Example.of(sample), PageRequest.of(0, 10));
		assertThat(result.getNumberOfElements()).isEqualTo(2);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldResolveStuffCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");

		// needed to tweak stuff a bit since some field are automatically set - so we need to undo this
		ReflectionTestUtils.setField(sample, "id", null);
		ReflectionTestUtils.setField(sample, "createdAt", null);
		ReflectionTestUtils.setField(sample, "email", null);

		// was List<Person>: MongoRepository declares findAll(Example) with a List result (as Spring Data's
		// ListQueryByExampleExecutor does); FileStoreRepository inherits QueryByExampleExecutor's Iterable one
		Iterable<Person> result = repository.findAll(Example.of(sample));
		assertThat(result).hasSize(2);
	}

	@Test // GH-4308
	void scrollByExampleShouldReturnCorrectResult() {

		Person sample = new Person();
		sample.setLastname("M");

		// needed to tweak stuff a bit since some field are automatically set - so we need to undo this
		ReflectionTestUtils.setField(sample, "id", null);
		ReflectionTestUtils.setField(sample, "createdAt", null);
		ReflectionTestUtils.setField(sample, "email", null);

		Window<Person> result = repository.findBy(
				Example.of(sample, ExampleMatcher.matching().withMatcher("lastname", GenericPropertyMatcher::startsWith)),
				q -> q.limit(2).sortBy(Sort.by("firstname")).scroll(ScrollPosition.keyset()));

		assertThat(result).containsOnly(dave, leroi);
		assertThat(result.hasNext()).isTrue();

		ScrollPosition position = result.positionAt(result.size() - 1);
		result = repository.findBy(
				Example.of(sample, ExampleMatcher.matching().withMatcher("lastname", GenericPropertyMatcher::startsWith)),
				q -> q.limit(2).sortBy(Sort.by("firstname")).scroll(position));

		assertThat(result).containsOnly(oliver);
		assertThat(result.hasNext()).isFalse();
	}

	@Test // DATAMONGO-1425
	void findsPersonsByFirstnameNotContains() {

		List<Person> result = repository.findByFirstnameNotContains("Boyd");
		assertThat(result).hasSize((int) (repository.count() - 1));
		assertThat(result).doesNotContain(boyd);
	}

	@Test // DATAMONGO-1425
	void findBySkillsContains() {

		List<Person> result = repository.findBySkillsContains(asList("Drums"));
		assertThat(result).hasSize(1).contains(carter);
	}

	@Test // GH-5123
	void findBySkillsContainsSingleElement() {

		List<Person> result = repository.findBySkillsContains("Drums");
		assertThat(result).hasSize(1).contains(carter);
	}

	@Test // GH-5123
	void findBySkillsContainsSingleElementWithIgnoreCase() {

		List<Person> result = repository.findBySkillsContainsIgnoreCase("drums");
		assertThat(result).hasSize(1).contains(carter);
	}

	@Test // DATAMONGO-1425
	void findBySkillsNotContains() {

		List<Person> result = repository.findBySkillsNotContains(Arrays.asList("Drums"));
		assertThat(result).hasSize((int) (repository.count() - 1));
		assertThat(result).doesNotContain(carter);
	}

	@Test // GH-5123
	void findBySkillsNotContainsSingleElement() {

		List<Person> result = repository.findBySkillsNotContains("Drums");
		assertThat(result).hasSize((int) (repository.count() - 1));
		assertThat(result).doesNotContain(carter);
	}

	@Test // DATAMONGO-1424
	void findsPersonsByFirstnameNotLike() {

		List<Person> result = repository.findByFirstnameNotLike("Bo%"); // was "Bo*"
		assertThat(result).hasSize((int) (repository.count() - 1));
		assertThat(result).doesNotContain(boyd);
	}

	@Test // DATAMONGO-1752
	void readsOpenProjection() {
		assertThat(repository.findOpenProjectionBy()).isNotEmpty();
	}

	@Test // DATAMONGO-1752
	void readsClosedProjection() {
		assertThat(repository.findClosedProjectionBy()).isNotEmpty();
	}

	@Test // DATAMONGO-1865
	void findFirstEntityReturnsFirstResultEvenForNonUniqueMatches() {
		assertThat(repository.findFirstBy()).isNotNull();
	}

	@Test // DATAMONGO-1865
	void findSingleEntityThrowsErrorWhenNotUnique() {
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
				.isThrownBy(() -> repository.findPersonByLastnameLike(dave.getLastname()));
	}

	@Test // DATAMONGO-1865
	void findOptionalSingleEntityThrowsErrorWhenNotUnique() {
		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class)
				.isThrownBy(() -> repository.findOptionalPersonByLastnameLike(dave.getLastname()));
	}

	@Test // DATAMONGO-2003
	void findByRegexWithPattern() {
		assertThat(repository.findByFirstnameRegex(Pattern.compile(alicia.getFirstname()))).hasSize(1);
	}

	@Test // DATAMONGO-2003
	void findByRegexWithPatternAndOptions() {

		String fn = alicia.getFirstname().toUpperCase();

		assertThat(repository.findByFirstnameRegex(Pattern.compile(fn))).hasSize(0);
		assertThat(repository.findByFirstnameRegex(Pattern.compile(fn, Pattern.CASE_INSENSITIVE))).hasSize(1);
	}

	@Test // GH-3395, GH-4404
	void caseInSensitiveInClause() {

		assertThat(repository.findByLastnameIgnoreCaseIn("bEAuFoRd", "maTTheWs")).hasSize(3);

		repository.save(new Person("the-first", "The First"));
		repository.save(new Person("the-first-one", "The First One"));
		repository.save(new Person("the-second", "The Second"));

		assertThat(repository.findByLastnameIgnoreCaseIn("tHE fIRsT")).hasSize(1);
	}

	@Test // GH-3395
	void caseInSensitiveInClauseQuotesExpressions() {
		assertThat(repository.findByLastnameIgnoreCaseIn(".*")).isEmpty();
	}

	@Test // GH-3395
	void caseSensitiveInClauseIgnoresExpressions() {
		assertThat(repository.findByFirstnameIn(".*")).isEmpty();
	}

	@Test // GH-3656
	void resultProjectionWithOptionalIsExecutedCorrectly() {

		carter.setAddress(new Address("batman", "robin", "gotham"));
		repository.save(carter);

		PersonSummaryWithOptional result = repository.findSummaryWithOptionalByLastname("Beauford");

		assertThat(result).isNotNull();
		assertThat(result.getAddress()).isPresent();
		assertThat(result.getFirstname()).contains("Carter");
	}

	@Test // GH-4606
	void findsByFirstnameIsEmpty() {

		Person emptyFirstname = new Person("", "EmptyFirstname");
		repository.save(emptyFirstname);

		List<Person> result = emptiness().findByFirstnameIsEmpty();

		assertThat(result).hasSize(1).contains(emptyFirstname);
	}

	@Test // GH-4606
	void findsByFirstnameIsNotEmpty() {

		List<Person> result = emptiness().findByFirstnameIsNotEmpty();

		assertThat(result).hasSize(all.size()).containsAll(all);
	}

	@Test // GH-4606
	void blankStringIsNotConsideredEmpty() {

		Person blankFirstname = new Person("   ", "BlankFirstname");
		repository.save(blankFirstname);

		List<Person> emptyResult = emptiness().findByFirstnameIsEmpty();
		List<Person> notEmptyResult = emptiness().findByFirstnameIsNotEmpty();

		assertThat(emptyResult).doesNotContain(blankFirstname);
		assertThat(notEmptyResult).contains(blankFirstname);
	}

	@Test // GH-4606
	void dbNullValueIsNotConsideredEmpty() {

		// was: collection.insertOne(new Document("_id", "null-value-firstname").append("firstname", null)...)
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.putNull("firstname");
		document.put("lastname", "NullValueFirstname");
		store.store.collection(store.template.collection(Person.class)).put("null-value-firstname", document);

		List<Person> emptyResult = emptiness().findByFirstnameIsEmpty();
		List<Person> notEmptyResult = emptiness().findByFirstnameIsNotEmpty();

		assertThat(emptyResult).extracting(Person::getId).doesNotContain("null-value-firstname");
		assertThat(notEmptyResult).extracting(Person::getId).contains("null-value-firstname");
	}

	@Test // GH-4606
	void findsBySkillsIsEmpty() {

		Person emptySkills = new Person("Empty", "Skills");
		emptySkills.setSkills(Collections.emptyList());
		repository.save(emptySkills);

		List<Person> result = emptiness().findBySkillsIsEmpty();

		assertThat(result).contains(emptySkills).doesNotContain(carter, boyd);
	}

	@Test // GH-4606
	void findsBySkillsIsNotEmpty() {

		List<Person> result = emptiness().findBySkillsIsNotEmpty();

		assertThat(result).contains(carter, boyd);
	}

	@Test // GH-4606
	void findsByAddressIsEmpty() {

		Person emptyAddress = new Person("Empty", "Address");
		emptyAddress.setAddress(new Address());
		repository.save(emptyAddress);

		dave.setAddress(new Address("street", "zip", "city"));
		repository.save(dave);

		List<Person> result = emptiness().findByAddressIsEmpty();

		assertThat(result).contains(emptyAddress).doesNotContain(dave);
	}

	@Test // GH-4606
	void findsByAddressIsNotEmpty() {

		dave.setAddress(new Address("street", "zip", "city"));
		repository.save(dave);

		List<Person> result = emptiness().findByAddressIsNotEmpty();

		assertThat(result).contains(dave);
	}

	@Test // GH-4606
	void findsByMetadataIsEmpty() {

		dave.setMetadata(new HashMap<>());
		repository.save(dave);

		oliver.setMetadata(Map.of("key", "value"));
		repository.save(oliver);

		List<Person> result = emptiness().findByMetadataIsEmpty();

		assertThat(result).contains(dave).doesNotContain(oliver);
	}

	@Test // GH-4606
	void findsByMetadataIsNotEmpty() {

		dave.setMetadata(new HashMap<>());
		repository.save(dave);

		oliver.setMetadata(Map.of("key", "value"));
		repository.save(oliver);

		List<Person> result = emptiness().findByMetadataIsNotEmpty();

		assertThat(result).contains(oliver).doesNotContain(dave);
	}



	/** The repository of the IsEmpty/IsNotEmpty methods, apart so that the others do not depend on them. */
	private EmptinessRepository emptiness() {
		return store.repository(EmptinessRepository.class);
	}

	/** The GH-4606 methods of the original {@code PersonRepository}. */
	interface EmptinessRepository extends FileStoreRepository<Person, String> {

		// GH-4606
		List<Person> findByFirstnameIsEmpty();

		// GH-4606
		List<Person> findByFirstnameIsNotEmpty();

		// GH-4606
		List<Person> findBySkillsIsEmpty();

		// GH-4606
		List<Person> findBySkillsIsNotEmpty();

		// GH-4606
		List<Person> findByAddressIsEmpty();

		// GH-4606
		List<Person> findByAddressIsNotEmpty();

		// GH-4606
		List<Person> findByMetadataIsEmpty();

		// GH-4606
		List<Person> findByMetadataIsNotEmpty();
	}
}

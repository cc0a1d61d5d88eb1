/*
 * Copyright 2010-present the original author or authors.
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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/support/SimpleMongoRepositoryTests.java,
// adapted to FileStore.
package io.filestore.data.conformance;

import static java.util.Arrays.*;
import static org.assertj.core.api.Assertions.*;
import static org.springframework.data.domain.ExampleMatcher.*;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.annotation.Document;
import io.filestore.data.conformance.Person.Sex;
import io.filestore.data.repository.support.SimpleFileStoreRepository;
import io.filestore.data.transaction.FileStoreTransactionManager;

/**
 * Adapted to FileStore: {@code SimpleMongoRepository} is {@link SimpleFileStoreRepository}, built on a
 * real store in a {@link TempDir} for each test (the original shares one database and resets it after the
 * tests marked {@code @DirtiesState}), with the entity information of the mapping (the original's custom
 * collection name is a MongoDB entity-information feature). Left out: {@code insert} (a
 * {@code MongoRepository} method) and the examples with {@code @DBRef} or geospatial values. The
 * transaction tests use {@link FileStoreTransactionManager}, where the original needs a replica set.
 *
 * @author A. B. M. Kowser
 * @author Thomas Darimont
 * @author Christoph Strobl
 * @author Mark Paluch
 * @author Jens Schauder
 */
class SimpleMongoRepositoryTests {

	@TempDir Path dir;

	private ConformanceStore store;

	private Person oliver, dave, carter, boyd, stefan, leroi, alicia;
	private List<Person> all;

	private SimpleFileStoreRepository<Person, String> repository;

	@BeforeEach
	void setUp() {
		store = ConformanceStore.open(dir, Person.class);
		repository = new SimpleFileStoreRepository<>(store.entityInformation(Person.class), store.template);
		setupState();
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	public void setupState() {

		oliver = new Person("Oliver August", "Matthews", 4);
		dave = new Person("Dave", "Matthews", 42);
		carter = new Person("Carter", "Beauford", 49);
		boyd = new Person("Boyd", "Tinsley", 45);
		stefan = new Person("Stefan", "Lessard", 34);
		leroi = new Person("Leroi", "Moore", 41);
		alicia = new Person("Alicia", "Keys", 30, Sex.FEMALE);

		all = repository.saveAll(asList(oliver, dave, carter, boyd, stefan, leroi, alicia));
	}

	@Test
	void findAllFromCustomCollectionName() {
		assertThat(repository.findAll()).hasSameSizeAs(all);
	}

	@Test
	void findOneFromCustomCollectionName() {
		assertThat(repository.findById(dave.getId())).contains(dave);
	}

	@Test
	void deleteFromCustomCollectionName() {

		repository.delete(dave);

		assertThat(repository.findAll()).hasSize(all.size() - 1).doesNotContain(dave);
	}

	@Test
	void deleteByIdFromCustomCollectionName() {

		repository.deleteById(dave.getId());

		assertThat(repository.findAll()).hasSize(all.size() - 1).doesNotContain(dave);
	}

	@Test // DATAMONGO-1245, DATAMONGO-1464
	void findByExampleShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		Page<Person> result = repository.findAll(Example.of(sample), PageRequest.of(0, 10));

		assertThat(result.getContent()).hasSize(2).contains(dave, oliver);
		assertThat(result.getTotalPages()).isEqualTo(1);
	}

	@Test // GH-3751
	void findByExampleShouldReturnUnpagedResults() {

		Person sample = new Person();
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		Page<Person> result = repository.findAll(Example.of(sample), Pageable.unpaged());

		assertThat(result.getContent()).hasSize(2).contains(dave, oliver);
		assertThat(result.getTotalPages()).isEqualTo(1);
	}

	@Test // DATAMONGO-1464
	void findByExampleMultiplePagesShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		Page<Person> result = repository.findAll(Example.of(sample), PageRequest.of(0, 1));

		assertThat(result.getContent()).hasSize(1);
		assertThat(result.getTotalPages()).isEqualTo(2);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.findAll(Example.of(sample))).hasSize(2).contains(dave, oliver);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldLookUpEntriesCorrectlyWhenUsingNestedObject() {

		dave.setAddress(new Address("1600 Pennsylvania Ave NW", "20500", "Washington"));
		repository.save(dave);

		oliver.setAddress(new Address("East Capitol St NE & First St SE", "20004", "Washington"));
		repository.save(oliver);

		Person sample = new Person();
		sample.setAddress(dave.getAddress());
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.findAll(Example.of(sample))).hasSize(1).contains(dave);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldLookUpEntriesCorrectlyWhenUsingPartialNestedObject() {

		dave.setAddress(new Address("1600 Pennsylvania Ave NW", "20500", "Washington"));
		repository.save(dave);

		oliver.setAddress(new Address("East Capitol St NE & First St SE", "20004", "Washington"));
		repository.save(oliver);

		Person sample = new Person();
		sample.setAddress(new Address(null, null, "Washington"));
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.findAll(Example.of(sample))).hasSize(2).contains(dave, oliver);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldNotFindEntriesWhenUsingPartialNestedObjectInStrictMode() {

		dave.setAddress(new Address("1600 Pennsylvania Ave NW", "20500", "Washington"));
		repository.save(dave);

		Person sample = new Person();
		sample.setAddress(new Address(null, null, "Washington"));
		trimDomainType(sample, "id", "createdAt", "email");

		Example<Person> example = Example.of(sample, strictMatching());

		assertThat(repository.findAll(example)).isEmpty();
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldLookUpEntriesCorrectlyWhenUsingNestedObjectInStrictMode() {

		dave.setAddress(new Address("1600 Pennsylvania Ave NW", "20500", "Washington"));
		repository.save(dave);

		Person sample = new Person();
		sample.setAddress(dave.getAddress());
		trimDomainType(sample, "id", "createdAt", "email");

		Example<Person> example = Example.of(sample, strictMatching());

		assertThat(repository.findAll(example)).hasSize(1).contains(dave);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldRespectStringMatchMode() {

		Person sample = new Person();
		sample.setLastname("Mat");
		trimDomainType(sample, "id", "createdAt", "email");

		Example<Person> example = Example.of(sample, matching().withStringMatcher(StringMatcher.STARTING));

		assertThat(repository.findAll(example)).hasSize(2).contains(dave, oliver);
	}

	@Test // DATAMONGO-1245
	void findAllByExampleShouldProcessInheritanceCorrectly() {

		PersonExtended reference = new PersonExtended();
		reference.setLastname("Matthews");

		repository.save(reference);

		PersonExtended sample = new PersonExtended();
		sample.setLastname("Matthews");

		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.findAll(Example.of(sample))).hasSize(1).contains(reference);
	}

	@Test // DATAMONGO-1245
	void findOneByExampleShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setFirstname("Dave");
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.findOne(Example.of(sample))).isPresent().contains(dave);
	}

	@Test // DATAMONGO-1245
	void existsByExampleShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setFirstname("Dave");
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.exists(Example.of(sample))).isTrue();
	}

	@Test // DATAMONGO-1245
	void countByExampleShouldLookUpEntriesCorrectly() {

		Person sample = new Person();
		sample.setLastname("Matthews");
		trimDomainType(sample, "id", "createdAt", "email");

		assertThat(repository.count(Example.of(sample))).isEqualTo(2L);
	}

	@Test // DATAMONGO-1896
	void saveAllUsesEntityCollection() {

		Person first = new PersonExtended();
		first.setEmail("foo@bar.com");
		ReflectionTestUtils.setField(first, "id", null);

		Person second = new PersonExtended();
		second.setEmail("bar@foo.com");
		ReflectionTestUtils.setField(second, "id", null);

		repository.deleteAll();

		repository.saveAll(asList(first, second));

		assertThat(repository.findAll()).containsExactlyInAnyOrder(first, second);
	}

	@Test // DATAMONGO-2130
	void countShouldBePossibleInTransaction() {

		// was: new MongoTransactionManager(template.getMongoDatabaseFactory()), on a replica set
		FileStoreTransactionManager txmgr = new FileStoreTransactionManager(store.store);
		TransactionTemplate tt = new TransactionTemplate(txmgr);
		tt.afterPropertiesSet();

		long countPreTx = repository.count();

		long count = tt.execute(status -> {

			Person sample = new Person();
			sample.setLastname("Matthews");

			repository.save(sample);

			return repository.count();
		});

		assertThat(count).isEqualTo(countPreTx + 1);
	}

	@Test // DATAMONGO-2130
	void existsShouldBePossibleInTransaction() {

		// was: new MongoTransactionManager(template.getMongoDatabaseFactory()), on a replica set
		FileStoreTransactionManager txmgr = new FileStoreTransactionManager(store.store);
		TransactionTemplate tt = new TransactionTemplate(txmgr);
		tt.afterPropertiesSet();

		boolean exists = tt.execute(status -> {

			Person sample = new Person();
			sample.setLastname("Matthews");

			repository.save(sample);

			return repository.existsById(sample.getId());
		});

		assertThat(exists).isTrue();
	}

	@Test // DATAMONGO-2652
	void deleteAllByIds() {

		repository.deleteAllById(asList(dave.getId(), carter.getId()));

		assertThat(repository.findAll()) //
				.hasSize(all.size() - 2).doesNotContain(dave, carter);
	}

	@Test // GH-3757
	void findByShouldReturnFirstResult() {

		Person probe = new Person();
		probe.setFirstname(oliver.getFirstname());

		Person result = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::firstValue);

		assertThat(result).isEqualTo(oliver);
	}

	@Test // GH-3757
	void findByShouldReturnOneResult() {

		Person probe = new Person();
		probe.setFirstname(oliver.getFirstname());

		Person result = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::oneValue);

		assertThat(result).isEqualTo(oliver);

		Person probeByLastname = new Person();
		probeByLastname.setLastname(oliver.getLastname());

		assertThatExceptionOfType(IncorrectResultSizeDataAccessException.class).isThrownBy(
				() -> repository.findBy(Example.of(probeByLastname, getMatcher()), FluentQuery.FetchableFluentQuery::one));
	}

	@Test // GH-3757
	void findByShouldReturnAll() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		List<Person> result = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::all);

		assertThat(result).hasSize(2);
	}

	@Test // GH-3757
	void findByShouldApplySortAll() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		List<Person> result = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.sortBy(Sort.by("firstname")).all());
		assertThat(result).containsSequence(dave, oliver);

		result = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.sortBy(Sort.by(Sort.Direction.DESC, "firstname")).all());
		assertThat(result).containsSequence(oliver, dave);
	}

	@Test // GH-3757
	void findByShouldApplyProjection() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		Person result = repository.findBy(Example.of(probe, getMatcher()), it -> it.project("firstname").firstValue());

		assertThat(result.getFirstname()).isNotNull();
		assertThat(result.getLastname()).isNull();
	}

	@Test // GH-3757
	void findByShouldApplyPagination() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		Page<Person> first = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.page(PageRequest.of(0, 1, Sort.by("firstname"))));
		assertThat(first.getTotalElements()).isEqualTo(2);
		assertThat(first.getContent()).contains(dave);

		Page<Person> next = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.page(PageRequest.of(1, 1, Sort.by("firstname"))));

		assertThat(next.getTotalElements()).isEqualTo(2);
		assertThat(next.getContent()).contains(oliver);
	}

	@Test // GH-4889
	void findByShouldApplySlice() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		Slice<Person> first = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.slice(PageRequest.of(0, 1, Sort.by("firstname"))));
		assertThat(first.hasNext()).isTrue();
		assertThat(first.getContent()).contains(dave);

		Slice<Person> next = repository.findBy(Example.of(probe, getMatcher()),
				it -> it.slice(PageRequest.of(1, 1, Sort.by("firstname"))));

		assertThat(next.hasNext()).isFalse();
		assertThat(next.getContent()).contains(oliver);
	}

	@Test // GH-3757
	void findByShouldCount() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		long count = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::count);
		assertThat(count).isEqualTo(2L);

		probe = new Person();
		probe.setLastname("foo");

		count = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::count);
		assertThat(count).isEqualTo(0L);
	}

	@Test // GH-3757
	void findByShouldReportExists() {

		Person probe = new Person();
		probe.setLastname(oliver.getLastname());

		boolean exists = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::exists);
		assertThat(exists).isTrue();

		probe = new Person();
		probe.setLastname("foo");

		exists = repository.findBy(Example.of(probe, getMatcher()), FluentQuery.FetchableFluentQuery::exists);
		assertThat(exists).isFalse();
	}

	/**
	 * Was {@code matching().withIncludeNullValues()}. With null values included, MongoDB compares a nested
	 * object as a whole document and leaves the probe's other null properties free (its converter writes
	 * no nulls, so there is nothing to include); FileStore, like JPA, makes every null property of the probe
	 * a condition ({@code IS NULL}), and compares a nested object property by property, nulls included.
	 * The top-level properties these probes leave unset are therefore ignored, so that the tests still
	 * ask about the nested object in strict mode.
	 */
	private static ExampleMatcher strictMatching() {
		return matching().withIncludeNullValues().withIgnorePaths("id", "createdAt", "email", "firstname", "lastname",
				"age", "skills", "shippingAddresses", "uniqueId", "credentials", "metadata");
	}

	private ExampleMatcher getMatcher() {
		return matching().withIgnorePaths("age", "createdAt", "sex", "email", "id");
	}

	private void trimDomainType(Object source, String... attributes) {

		for (String attribute : attributes) {
			ReflectionTestUtils.setField(source, attribute, null);
		}
	}

	@Document
	static class PersonExtended extends Person {}
}

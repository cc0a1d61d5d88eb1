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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/PersonRepository.java, adapted to FileStore.
package io.filestore.data.conformance;

import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.util.Streamable;

import io.filestore.data.conformance.Person.Sex;
import io.filestore.data.repository.FileStoreRepository;

/**
 * Sample repository managing {@link Person} entities.
 * <p>
 * Adapted to FileStore: {@code MongoRepository} and {@code QuerydslPredicateExecutor} are
 * {@link FileStoreRepository}. Only derived query methods are kept: the methods declared with
 * {@code @Query}, {@code @CountQuery}, {@code @DeleteQuery}, {@code @ExistsQuery}, {@code @Aggregation},
 * {@code @Update} or a named query, the geospatial ones ({@code Near}, {@code Within}, {@code Point},
 * {@code GeoResults}), the ones on {@code @DBRef}, {@code @DocumentReference} and {@code @Unwrapped}
 * properties, and the {@code Pattern} overloads of {@code Like} (GH-5027) are MongoDB features. The
 * one exception is {@link #findByUniqueId}, whose {@code @Query("{ uniqueId: ?0}")} says what its
 * derived name says, so it is kept as a derived query. {@code IsEmpty}/{@code IsNotEmpty} (GH-4606) are in
 * {@link PersonRepositoryTests.EmptinessRepository}: FileStore refuses a repository that uses them.
 *
 * @author Oliver Gierke
 * @author Thomas Darimont
 * @author Christoph Strobl
 * @author Fırat KÜÇÜK
 * @author Mark Paluch
 */
public interface PersonRepository extends FileStoreRepository<Person, String> {

	List<Person> findByLastname(String lastname);

	List<ExtendedPerson> findExtendedPersonByLastname(String lastname);

	List<Person> findByLastnameStartsWith(String prefix);

	List<Person> findByLastnameEndsWith(String postfix);

	List<Person> findByLastnameOrderByFirstnameAsc(String lastname);

	List<Person> findByFirstnameLike(@Nullable String firstname);

	List<Person> findByFirstnameNotContains(String firstname);

	List<Person> findByFirstnameNotLike(String firstname);

	List<Person> findByFirstnameLikeOrderByLastnameAsc(String firstname, Sort sort);

	List<Person> findBySkillsContains(List<String> skills);
	List<Person> findBySkillsContains(String skill);
	List<Person> findBySkillsContainsIgnoreCase(String skill);

	List<Person> findBySkillsNotContains(List<String> skills);
	List<Person> findBySkillsNotContains(String skill);

	Window<Person> findAllBy(Limit limit, ScrollPosition scrollPosition);

	Window<Person> findTop2ByLastnameLikeOrderByLastnameAscFirstnameAsc(String lastname,
			ScrollPosition scrollPosition);

	Window<Person> findByLastnameLikeOrderByLastnameAscFirstnameAsc(String lastname,
			ScrollPosition scrollPosition, Limit limit);

	Window<PersonSummaryDto> findCursorProjectionByLastnameLike(String lastname, Pageable pageable);

	Page<Person> findByLastnameLike(String lastname, Pageable pageable);

	List<Person> findByLastnameLike(String lastname, Sort sort, Limit limit);

	List<Person> findByLastnameIgnoreCaseIn(String... lastname);

	List<Person> findByFirstnameIn(String... firstnames);

	List<Person> findByFirstnameNotIn(Collection<String> firstnames);

	List<Person> findByFirstnameAndLastname(String firstname, String lastname);

	List<Person> findByAgeBetween(int from, int to);

	Person findByShippingAddresses(Address address);

	List<Person> findByAddress(Address address);

	Streamable<Person> streamByAddress(Address address);

	Persons streamPersonsByAddress(Address address);

	Streamable<Person> streamByAddress(Address address, Pageable pageable);

	List<Person> findByAddressZipCode(String zipCode);

	List<Person> findByLastnameLikeAndAgeBetween(String lastname, int from, int to);

	List<Person> findByAgeOrLastnameLikeAndFirstnameLike(int age, String lastname, String firstname);

	List<Person> findBySex(Sex sex);

	List<Person> findBySex(Sex sex, Pageable pageable);

	// DATAMONGO-425
	List<Person> findByCreatedAtLessThan(Date date);

	// DATAMONGO-425
	List<Person> findByCreatedAtGreaterThan(Date date);

	// DATAMONGO-427
	List<Person> findByCreatedAtBefore(Date date);

	// DATAMONGO-427
	List<Person> findByCreatedAtAfter(Date date);

	// DATAMONGO-472
	List<Person> findByLastnameNot(String lastname);

	// DATAMONGO-600
	List<Person> findByCredentials(Credentials credentials);

	// DATAMONGO-636
	long countByLastname(String lastname);

	// DATAMONGO-636
	int countByFirstname(String firstname);

	// DATAMONGO-1454
	boolean existsByFirstname(String firstname);

	// DATAMONGO-770
	List<Person> findByFirstnameIgnoreCase(@Nullable String firstName);

	// DATAMONGO-770
	List<Person> findByFirstnameNotIgnoreCase(String firstName);

	List<Person> findByFirstnameStartingWith(String firstName);

	// DATAMONGO-770
	List<Person> findByFirstnameStartingWithIgnoreCase(String firstName);

	// DATAMONGO-770
	List<Person> findByFirstnameEndingWithIgnoreCase(String firstName);

	// DATAMONGO-770
	List<Person> findByFirstnameContainingIgnoreCase(String firstName);

	// DATAMONGO-870
	Slice<Person> findByAgeGreaterThan(int age, Pageable pageable);

	// DATAMONGO-566
	List<Person> deleteByLastname(String lastname);

	// DATAMONGO-566
	Long deletePersonByLastname(String lastname);

	// DATAMONGO-1997
	Optional<Person> deleteOptionalByLastname(String lastname);

	// DATAMONGO-893
	Page<Person> findByAddressIn(List<Address> address, Pageable page);

	// DATAMONGO-950
	List<Person> findTop3ByLastnameStartingWith(String lastname);

	// DATAMONGO-950
	Page<Person> findTop3ByLastnameStartingWith(String lastname, Pageable pageRequest);

	// DATAMONGO-1865
	Person findFirstBy(); // limits to 1 result if more, just return the first one

	// DATAMONGO-1865
	Person findPersonByLastnameLike(String firstname); // single person, error if more than one

	// DATAMONGO-1865
	Optional<Person> findOptionalPersonByLastnameLike(String firstname); // optional still, error when more than one

	// DATAMONGO-1030
	PersonSummaryDto findSummaryByLastname(String lastname);

	PersonSummaryWithOptional findSummaryWithOptionalByLastname(String lastname);

	// DATAMONGO-1911 (was @Query("{ uniqueId: ?0}"))
	Person findByUniqueId(UUID uniqueId);

	// DATAMONGO-1752
	Iterable<PersonExcerpt> findOpenProjectionBy();

	// DATAMONGO-1752
	Iterable<PersonSummary> findClosedProjectionBy();

	List<Person> findByFirstnameRegex(Pattern pattern);

	class Persons implements Streamable<Person> {

		private final Streamable<Person> streamable;

		public Persons(Streamable<Person> streamable) {
			this.streamable = streamable;
		}

		@Override
		public Iterator<Person> iterator() {
			return streamable.iterator();
		}
	}
}

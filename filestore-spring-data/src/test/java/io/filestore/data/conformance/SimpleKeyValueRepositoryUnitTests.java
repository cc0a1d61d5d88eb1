/*
 * Copyright 2014-present the original author or authors.
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
// Ported from spring-data-keyvalue src/test/java/org/springframework/data/map/SimpleKeyValueRepositoryUnitTests.java
// and src/test/java/org/springframework/data/keyvalue/repository/SimpleKeyValueRepositoryUnitTests.java, adapted to FileStore.
package io.filestore.data.conformance;

import static org.assertj.core.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Persistent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import io.filestore.data.conformance.AbstractRepositoryUnitTests.PersonRepository;
import io.filestore.data.repository.FileStoreRepository;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;

/**
 * Unit tests for {@code SimpleKeyValueRepository}, here FileStore's repository.
 * <p>
 * Adapted to FileStore: the second origin verifies, against a mocked {@code KeyValueOperations}, which
 * operation each repository method delegates to ({@code insert}, {@code update(id, ...)},
 * {@code delete}, {@code findInRange(offset, rows, ...)}). There is no operations layer to mock here, so
 * each test saves real entities and asserts the effect that delegation stands for: what is stored,
 * found or gone afterwards.
 *
 * @author Christoph Strobl
 * @author Oliver Gierke
 * @author Eugene Nikiforov
 * @author Jens Schauder
 * @author Mark Paluch
 */
public class SimpleKeyValueRepositoryUnitTests extends AbstractRepositoryUnitTests<PersonRepository> {

	private FooRepository repo;
	private FileStoreRepositoryFactory factory;

	protected PersonRepository getRepository(FileStoreRepositoryFactory factory) {
		this.factory = factory;
		return factory.getRepository(PersonRepository.class);
	}

	@BeforeEach
	void setUp() {
		repo = factory.getRepository(FooRepository.class);
	}

	@Test // DATACMNS-525
	void saveNewWithNumericId() {

		WithNumericIdRepository temp = factory.getRepository(WithNumericIdRepository.class);

		WithNumericId withNumericId = new WithNumericId();
		temp.save(withNumericId);

		// was: verify(opsMock, times(1)).insert(eq(withNumericId)); KeyValue's insert generates the id
		assertThat(withNumericId.id).isNotNull();
		assertThat(temp.findById(withNumericId.id)).isPresent();
		assertThat(temp.count()).isEqualTo(1);
	}

	@Test // DATACMNS-525
	void testDoubleSave() {

		Foo foo = new Foo("one");

		repo.save(foo);
		String generated = foo.id;

		foo.id = "1";
		repo.save(foo);

		// was: verify insert(foo) once, then update("1", foo) once
		assertThat(generated).isNotNull();
		assertThat(repo.findById(generated)).map(Foo::getName).contains("one");
		assertThat(repo.findById("1")).map(Foo::getName).contains("one");
		assertThat(repo.count()).isEqualTo(2);
	}

	@Test // DATACMNS-525
	void multipleSave() {

		Foo one = new Foo("one");
		Foo two = new Foo("two");

		repo.saveAll(Arrays.asList(one, two));

		// was: verify insert(one) and insert(two)
		assertThat(one.id).isNotNull();
		assertThat(two.id).isNotNull().isNotEqualTo(one.id);
		assertThat(repo.findById(one.id)).map(Foo::getName).contains("one");
		assertThat(repo.findById(two.id)).map(Foo::getName).contains("two");
	}

	@Test // DATACMNS-525
	void deleteEntity() {

		Foo one = new Foo("one");
		one.id = "1";
		repo.save(one);
		repo.delete(one);

		// was: verify delete(one)
		assertThat(repo.existsById("1")).isFalse();
	}

	@Test // DATACMNS-525
	void deleteById() {

		repo.deleteById("one");

		// was: verify delete("one", Foo.class); an id that is not stored is silently ignored
		Foo foo = new Foo("foo");
		foo.id = "one";
		repo.save(foo);
		repo.deleteById("one");
		assertThat(repo.existsById("one")).isFalse();
	}

	@Test // DATAKV-330
	void deleteAllById() {

		Foo one = new Foo("one");
		one.id = "one";
		Foo two = new Foo("two");
		two.id = "two";
		Foo three = new Foo("three");
		three.id = "three";
		repo.saveAll(Arrays.asList(one, two, three));

		repo.deleteAllById(Arrays.asList("one", "two"));

		// was: verify delete("one", Foo.class) and delete("two", Foo.class)
		assertThat(repo.findAll()).extracting(Foo::getId).containsExactly("three");
	}

	@Test // DATACMNS-525
	void deleteAll() {

		repo.saveAll(Arrays.asList(new Foo("one"), new Foo("two")));

		repo.deleteAll();

		// was: verify delete(Foo.class)
		assertThat(repo.count()).isZero();
	}

	@Test // DATACMNS-525
	void findAllIds() {

		Foo two = new Foo("two");
		two.id = "two";
		repo.save(two);

		// was: verify findById three times
		assertThat(repo.findAllById(Arrays.asList("one", "two", "three"))).extracting(Foo::getId).containsExactly("two");
	}

	@Test // DATAKV-186
	void existsByIdReturnsFalseForEmptyOptional() {
		assertThat(repo.existsById("one")).isFalse();
	}

	@Test // DATAKV-186
	void existsByIdReturnsTrueWhenOptionalValuePresent() {

		Foo foo = new Foo();
		foo.id = "one";
		repo.save(foo);

		assertThat(repo.existsById("one")).isTrue();
	}

	@Test // DATACMNS-525
	void findAllWithPageableShouldDelegateToOperationsCorrectlyWhenPageableDoesNotContainSort() {

		List<Foo> foos = foos(170);
		repo.saveAll(foos);

		Page<Foo> page = repo.findAll(PageRequest.of(10, 15));

		// was: verify findInRange(150, 15, Sort.unsorted(), Foo.class)
		assertThat(page.getContent()).hasSize(15);
		assertThat(page.getTotalElements()).isEqualTo(170);
		assertThat(page.getNumber()).isEqualTo(10);
		List<Foo> all = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			all.addAll(repo.findAll(PageRequest.of(i, 15)).getContent());
		}
		assertThat(all).extracting(Foo::getId).doesNotHaveDuplicates().hasSize(170);
	}

	@Test // DATACMNS-525
	void findAllWithPageableShouldDelegateToOperationsCorrectlyWhenPageableContainsSort() {

		repo.saveAll(foos(170));

		// the mock accepted any property names ("for", "bar"); a real store sorts by properties Foo has
		Sort sort = Sort.by("longValue", "name");
		Page<Foo> page = repo.findAll(PageRequest.of(10, 15, sort));

		// was: verify findInRange(150, 15, sort, Foo.class)
		assertThat(page.getContent()).extracting(Foo::getLongValue).containsExactly(150L, 151L, 152L, 153L, 154L, 155L,
				156L, 157L, 158L, 159L, 160L, 161L, 162L, 163L, 164L);
		assertThat(page.getTotalElements()).isEqualTo(170);
	}

	@Test // DATACMNS-525
	void findAllShouldFallbackToFindAllOfWhenGivenNullPageable() {

		repo.saveAll(foos(5));

		Page<Foo> page = repo.findAll(Pageable.unpaged());

		// was: verify findAll(Foo.class)
		assertThat(page.getContent()).hasSize(5);
		assertThat(page.getTotalElements()).isEqualTo(5);
	}

	private static List<Foo> foos(int count) {

		List<Foo> foos = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			Foo foo = new Foo("foo-" + i);
			foo.setLongValue((long) i);
			foos.add(foo);
		}
		return foos;
	}

	interface FooRepository extends FileStoreRepository<Foo, String> {}

	interface WithNumericIdRepository extends FileStoreRepository<WithNumericId, Integer> {}

	static class Foo {

		private @Id String id;
		private Long longValue;
		private String name;
		private Bar bar;

		Foo(String name) {
			this.name = name;
		}

		public Foo() {}

		public String getId() {
			return this.id;
		}

		public Long getLongValue() {
			return this.longValue;
		}

		public String getName() {
			return this.name;
		}

		public Bar getBar() {
			return this.bar;
		}

		public void setId(String id) {
			this.id = id;
		}

		public void setLongValue(Long longValue) {
			this.longValue = longValue;
		}

		public void setName(String name) {
			this.name = name;
		}

		public void setBar(Bar bar) {
			this.bar = bar;
		}
	}

	private static class Bar {

		private String bar;

		public String getBar() {
			return this.bar;
		}

		public void setBar(String bar) {
			this.bar = bar;
		}
	}

	@Persistent
	static class WithNumericId {

		@Id Integer id;
	}
}

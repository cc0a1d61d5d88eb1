/*
 * Copyright 2019-present the original author or authors.
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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/support/SimpleMongoRepositoryVersionedEntityTests.java,
// adapted to FileStore.
package io.filestore.data.conformance;

import static org.assertj.core.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.data.repository.support.SimpleFileStoreRepository;
import io.filestore.data.transaction.FileStoreTransactionManager;
import io.filestore.query.Where;

/**
 * Adapted to FileStore: {@code SimpleMongoRepository} is {@link SimpleFileStoreRepository} on a real store
 * in a {@link TempDir}; the transactions are {@link FileStoreTransactionManager}'s, where the original
 * needs a MongoDB 4.0 replica set; counting by id goes through a FileStore query.
 *
 * @author Christoph Strobl
 * @author Mark Paluch
 */
public class SimpleMongoRepositoryVersionedEntityTests {

	@TempDir Path dir;

	private ConformanceStore store;


	private SimpleFileStoreRepository<VersionedPerson, String> repository;

	private VersionedPerson sarah;

	@BeforeEach
	public void setUp() {

		store = ConformanceStore.open(dir, VersionedPerson.class);
		repository = new SimpleFileStoreRepository<>(store.entityInformation(VersionedPerson.class),
				store.template);
		repository.deleteAll();

		sarah = repository.save(new VersionedPerson("Sarah", "Connor"));
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	@Test // DATAMONGO-2195
	public void deleteWithMatchingVersion() {

		repository.delete(sarah);

		assertThat(countById(sarah.getId())).isZero();
	}

	@Test // DATAMONGO-2195
	public void deleteWithMatchingVersionInTx() {

		long countBefore = repository.count();

		initTxTemplate().execute(status -> {

			VersionedPerson t800 = repository.save(new VersionedPerson("T-800"));
			repository.delete(t800);

			return Void.TYPE;
		});

		assertThat(repository.count()).isEqualTo(countBefore);
	}

	@Test // DATAMONGO-2195
	public void deleteWithVersionMismatch() {

		sarah.setVersion(5L);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> repository.delete(sarah));

		assertThat(countById(sarah.getId())).isOne();
	}

	@Test // DATAMONGO-2195
	public void deleteWithVersionMismatchInTx() {

		long countBefore = repository.count();

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
				.isThrownBy(() -> initTxTemplate().execute(status -> {

					VersionedPerson t800 = repository.save(new VersionedPerson("T-800"));
					t800.setVersion(5L);
					repository.delete(t800);

					return Void.TYPE;
				}));

		assertThat(repository.count()).isEqualTo(countBefore);
	}

	@Test // DATAMONGO-2195
	public void deleteNonExisting() {
		assertThatThrownBy(() -> repository.delete(new VersionedPerson("T-800")))
				.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test // DATAMONGO-2195
	public void deleteNonExistingInTx() {

		initTxTemplate().execute(status -> {

			assertThatThrownBy(() -> repository.delete(new VersionedPerson("T-800")))
					.isInstanceOf(OptimisticLockingFailureException.class);

			return Void.TYPE;
		});
	}

	/** Was {@code template.count(query(where("id").is(id)), VersionedPerson.class)}. */
	private long countById(String id) {
		return store.template.count(store.template.query(VersionedPerson.class).where(Where.eq("id", id)));
	}

	TransactionTemplate initTxTemplate() {

		FileStoreTransactionManager txmgr = new FileStoreTransactionManager(store.store);
		TransactionTemplate tt = new TransactionTemplate(txmgr);
		tt.afterPropertiesSet();

		return tt;
	}
}

/*
 * Copyright 2024-present the original author or authors.
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
// Ported from spring-data-keyvalue src/test/java/org/springframework/data/keyvalue/repository/query/PredicateQueryCreatorUnitTests.java,
// adapted to FileStore.
package io.filestore.data.conformance;

import static org.assertj.core.api.Assertions.*;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keywords of {@link AbstractQueryCreatorTestBase} against FileStore.
 * <p>
 * Adapted to FileStore: KeyValue's {@code PredicateQueryCreator} (its default creator, which supports
 * {@code IgnoreCase}) is replaced by FileStore's derived queries on a real repository: a method
 * evaluates a candidate by storing it alone and calling the method, which matches when it returns it.
 *
 * @author Christoph Strobl
 */
class PredicateQueryCreatorUnitTests extends AbstractQueryCreatorTestBase {

	@TempDir Path dir;

	private ConformanceStore store;
	private PersonRepository repository;

	@BeforeEach
	void openStore() {
		store = ConformanceStore.open(dir, Person.class);
		repository = store.repository(PersonRepository.class);
	}

	@AfterEach
	void closeStore() {
		store.close();
	}

	@Override
	@Test // DATACMNS-525
	void startsWithIgnoreCaseReturnsTrueWhenMatching() {
		assertThat(evaluate("findByFirstnameIgnoreCase", "RobB").against(ROBB)).isTrue();
	}

	@Override
	protected Evaluation createEvaluation(Method method, Object[] args) {
		return new RepositoryEvaluation(method, args);
	}

	/** Stores the candidate alone and calls the query method: the candidate matches when it is found. */
	class RepositoryEvaluation implements Evaluation {

		private final Method method;
		private final Object[] args;
		private Object candidate;

		RepositoryEvaluation(Method method, Object[] args) {
			this.method = method;
			this.args = args;
		}

		public Boolean against(Object candidate) {
			this.candidate = candidate;
			return evaluate();
		}

		public boolean evaluate() {

			repository.deleteAll();
			repository.save((Person) candidate);
			Object found;
			try {
				found = method.invoke(repository, args);
			} catch (InvocationTargetException e) {
				throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
			return found instanceof Person person && person.getId().equals(((Person) candidate).getId());
		}
	}
}

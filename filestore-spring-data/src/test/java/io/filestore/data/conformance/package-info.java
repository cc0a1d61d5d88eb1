/**
 * A conformance suite: Spring Data's own repository tests, ported to run against real FileStore
 * repositories on a test folder, so that FileStore is held to the behaviour a Spring Data user expects.
 *
 * <p>Origins (Apache License 2.0; each file keeps its header and names its source): spring-data-keyvalue
 * at commit 25095d15 ({@code AbstractRepositoryUnitTests}, both {@code SimpleKeyValueRepositoryUnitTests},
 * {@code AbstractQueryCreatorTestBase}, {@code PredicateQueryCreatorUnitTests}) and spring-data-mongodb at
 * commit e3351926 (the derived-query and repository-contract tests of
 * {@code AbstractPersonRepositoryIntegrationTests}, {@code SimpleMongoRepositoryTests} and
 * {@code SimpleMongoRepositoryVersionedEntityTests}, with their entities). Only what must differ is
 * adapted (how the store is created, annotations, MongoDB-only syntax), each time with a comment saying why.
 *
 * <p>Every ported test runs; none is disabled.
 */
package io.filestore.data.conformance;

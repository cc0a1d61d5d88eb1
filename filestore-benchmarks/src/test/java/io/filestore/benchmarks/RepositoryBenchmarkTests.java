package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two repositories the suite times, FileStore's and Spring Data KeyValue's map repository,
 * give the same answers to the same derived queries on the same entities.
 */
class RepositoryBenchmarkTests {

    @TempDir
    Path benchDir;

    private final RepositoryBenchmark bench = new RepositoryBenchmark();

    @BeforeEach
    void loadBothRepositories() {
        System.setProperty("bench.dir", benchDir.toString());
        bench.users = 300;
        bench.setUp();
    }

    @AfterEach
    void closeTheStore() {
        bench.tearDown();
        System.clearProperty("bench.dir");
    }

    @Test
    void bothRepositoriesFindTheSameUserByIdAndByEmail() {
        assertThat(bench.fileStoreUsers.findById(Records.id(42))).get().extracting(user -> user.email)
                .isEqualTo(Records.email(42));
        assertThat(bench.mapUsers.findById(Records.id(42))).get().extracting(user -> user.email)
                .isEqualTo(Records.email(42));
        assertThat(bench.fileStoreUsers.findByEmail(Records.email(7))).get().extracting(user -> user.id)
                .isEqualTo(Records.id(7));
        assertThat(bench.mapUsers.findByEmail(Records.email(7))).extracting(user -> user.id)
                .containsExactly(Records.id(7));
    }

    @Test
    void bothRepositoriesReturnTheTenYoungestFromAnAgeOnInOrder() {
        List<Integer> fileStoreAges = bench.fileStoreUsers.findTop10ByAgeGreaterThanEqualOrderByAge(40).stream()
                .map(user -> user.age).toList();
        List<Integer> mapAges = bench.mapUsers.findTop10ByAgeGreaterThanEqualOrderByAge(40).stream()
                .map(user -> user.age).toList();

        assertThat(fileStoreAges).hasSize(10).isSorted().allMatch(age -> age >= 40).isEqualTo(mapAges);
    }
}

package io.filestore.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.domain.Page;

import io.filestore.benchmarks.RepositoryBenchmark.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two repositories the suite times, FileStore's and Spring Data KeyValue's map repository,
 * give the same answers to the same derived queries and pages on the same entities.
 */
class RepositoryBenchmarkTests {

    @TempDir
    Path benchDir;

    private final RepositoryBenchmark bench = new RepositoryBenchmark();
    private final RepositoryBenchmark.FileStoreSide fileStore = new RepositoryBenchmark.FileStoreSide();
    private final RepositoryBenchmark.KeyValueSide keyValue = new RepositoryBenchmark.KeyValueSide();

    @BeforeEach
    void loadBothRepositories() {
        System.setProperty("bench.dir", benchDir.toString());
        bench.users = 300;
        fileStore.setUp(bench);
        keyValue.setUp(bench);
    }

    @AfterEach
    void closeTheStore() {
        fileStore.tearDown();
        System.clearProperty("bench.dir");
    }

    @Test
    void bothRepositoriesFindTheSameUserByIdAndByEmail() {
        assertThat(fileStore.repository.findById(Records.id(42))).get().extracting(User::getEmail)
                .isEqualTo(Records.email(42));
        assertThat(keyValue.repository.findById(Records.id(42))).get().extracting(User::getEmail)
                .isEqualTo(Records.email(42));
        assertThat(fileStore.repository.findByEmail(Records.email(7))).get().extracting(User::getId)
                .isEqualTo(Records.id(7));
        assertThat(keyValue.repository.findByEmail(Records.email(7))).extracting(User::getId)
                .containsExactly(Records.id(7));
    }

    @Test
    void bothRepositoriesReturnTheTenYoungestFromAnAgeOnInOrder() {
        List<Integer> fileStoreAges = fileStore.repository.findTop10ByAgeGreaterThanEqualOrderByAge(40).stream()
                .map(User::getAge).toList();
        List<Integer> mapAges = keyValue.repository.findTop10ByAgeGreaterThanEqualOrderByAge(40).stream()
                .map(User::getAge).toList();

        assertThat(fileStoreAges).hasSize(10).isSorted().allMatch(age -> age >= 40).isEqualTo(mapAges);
    }

    @Test
    void bothRepositoriesPageByUsernameFromTheStartAndFromHalfWay() {
        Page<User> first = bench.fileStoreFirstPageByUsername(fileStore);
        Page<User> middle = bench.fileStoreMiddlePageByUsername(fileStore);

        assertThat(first.getTotalElements()).isEqualTo(300);
        assertThat(first.getContent()).extracting(User::getUsername).hasSize(20).isSorted()
                .isEqualTo(bench.keyValueFirstPageByUsername(keyValue).getContent().stream().map(User::getUsername)
                        .toList());
        assertThat(middle.getContent()).extracting(User::getUsername).hasSize(20).isSorted()
                .isEqualTo(bench.keyValueMiddlePageByUsername(keyValue).getContent().stream().map(User::getUsername)
                        .toList());
        assertThat(middle.getPageable().getOffset()).isEqualTo(140);
        assertThat(first.getContent().get(19).getUsername()).isLessThan(middle.getContent().get(0).getUsername());
    }

    @Test
    void bothRepositoriesPageByAFieldNoIndexHolds() {
        List<String> fileStoreNames = bench.fileStoreFirstPageByName(fileStore).getContent().stream()
                .map(User::getName).toList();
        List<String> mapNames = bench.keyValueFirstPageByName(keyValue).getContent().stream().map(User::getName)
                .toList();

        assertThat(fileStoreNames).hasSize(20).isSorted().isEqualTo(mapNames);
    }
}

package io.filestore.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.WriteAheadLogLossException;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wrong value fails startup with a report that names the property, the value and what is allowed. */
class InvalidPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void anUnknownStrategyIsReportedWithTheStrategiesUsersWrite() {
        FailureAnalysis analysis = failure("filestore.collections.users.strategy=flat");

        assertThat(analysis.getDescription()).contains("'flat'", "'filestore.collections.users.strategy'");
        assertThat(analysis.getAction()).contains("filestore.collections.users.strategy")
                .contains("file-per-record, single-file, memory-only, compressed");
    }

    @Test
    void aNegativeFlushIntervalIsReported() {
        FailureAnalysis analysis = failure("filestore.flush-interval=-5s");

        assertThat(analysis.getDescription()).contains("'-5s'", "'filestore.flush-interval'");
        assertThat(analysis.getAction()).contains("a positive duration such as 2s");
    }

    @Test
    void aZeroFlushIntervalIsReported() {
        FailureAnalysis analysis = failure("filestore.flush-interval=0");

        assertThat(analysis.getDescription()).contains("'filestore.flush-interval'");
    }

    @Test
    void aNegativeFsyncIntervalIsReported() {
        FailureAnalysis analysis = failure("filestore.wal.fsync-interval=-1ms");

        assertThat(analysis.getDescription()).contains("'-1ms'", "'filestore.wal.fsync-interval'");
        assertThat(analysis.getAction()).contains("0 or a positive duration such as 200ms");
    }

    @Test
    void aNegativeDirtyRecordBoundIsReported() {
        FailureAnalysis analysis = failure("filestore.max-dirty-records=-1");

        assertThat(analysis.getDescription()).contains("'-1'", "'filestore.max-dirty-records'");
        assertThat(analysis.getAction()).contains("0 (no bound) or a positive number of records");
    }

    @Test
    void aNegativeUnflushedLogBoundIsReportedAsWritten() {
        FailureAnalysis analysis = failure("filestore.wal.max-unflushed-size=-1MB");

        assertThat(analysis.getDescription()).contains("'-1MB'", "'filestore.wal.max-unflushed-size'");
        assertThat(analysis.getAction()).contains("0 (no bound) or a positive size such as 64MB");
    }

    @Test
    void aTtlOnAPersistedStrategyIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.orders.ttl=1h");

        assertThat(analysis.getDescription()).contains("'1h'", "'filestore.collections.orders.ttl'");
        assertThat(analysis.getAction()).contains("no ttl for file-per-record collections; ttl is for memory-only collections");
    }

    @Test
    void aNegativeTtlIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.sessions.strategy=memory-only",
                "filestore.collections.sessions.ttl=-1m");

        assertThat(analysis.getDescription()).contains("'filestore.collections.sessions.ttl'");
        assertThat(analysis.getAction()).contains("a positive duration");
    }

    @Test
    void anUnknownKeyUnderACollectionIsReportedWithTheKeysACollectionAccepts() {
        FailureAnalysis analysis = failure("filestore.collections.users.strategi=memory-only");

        assertThat(analysis.getDescription())
                .contains("Unknown property 'filestore.collections.users.strategi'", "'memory-only'");
        assertThat(analysis.getAction())
                .contains("strategy, path, indexed, unique, wal, ttl, format, append-only");
    }

    @Test
    void anUnknownKeyKeepsTheCollectionNameAsWrittenAndSaysWhereItWasSet() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new OriginTrackedMapPropertySource("test.yml",
                                Map.of("filestore.collections.auditLogs.appendonly", "true",
                                        "filestore.collections.auditLogs.compression", "zstd"))))
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("'filestore.collections.auditLogs.compression'", "'zstd'");
                });
    }

    @Test
    void anUnknownStoreKeyFailsStartupNamingItTheClosestKeyAndTheKnownOnes() {
        FailureAnalysis analysis = failure("filestore.flush-intervall=10s");

        assertThat(analysis.getDescription()).contains("Unknown property 'filestore.flush-intervall'", "'10s'");
        assertThat(analysis.getAction()).contains("Did you mean 'filestore.flush-interval'?")
                .contains("filestore.data-dir", "filestore.flush-interval", "filestore.watch",
                        "filestore.wal.fsync-interval", "filestore.wal.accept-log-loss", "filestore.repositories.enabled",
                        "filestore.collections.<name>.<key>");
    }

    @Test
    void anUnknownKeyInANestedGroupIsReported() {
        FailureAnalysis analysis = failure("filestore.wal.fsync=0");

        assertThat(analysis.getDescription()).contains("Unknown property 'filestore.wal.fsync'");
        assertThat(analysis.getAction()).contains("filestore.wal.fsync-interval");
    }

    @Test
    void anUnknownKeyFromYamlSaysWhereItWasSet() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new OriginTrackedMapPropertySource("application.yml", Map.of("filestore.repositories.enable", "false"))))
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> {
                    FailureAnalysis analysis = analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("'filestore.repositories.enable'", "'false'");
                    assertThat(analysis.getAction()).contains("Did you mean 'filestore.repositories.enabled'?");
                });
    }

    @Test
    void everyKnownKeyInEveryFormStartsTheStore() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flushInterval=3s", "filestore.watch=false",
                        "filestore.max-dirty-records=1000", "filestore.wal.max_unflushed_size=16MB",
                        "filestore.wal.fsync_interval=0", "filestore.wal.accept-log-loss=false",
                        "filestore.repositories.enabled=true", "filestore.collections.users.indexed[0]=email",
                        "filestore.collections.users.unique=email", "filestore.collections.logs.strategy=single-file",
                        "filestore.collections.logs.format=jsonl", "filestore.collections.logs.appendOnly=true")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void environmentVariablesInEitherFormAreKnownAndATypoInOneIsNot() {
        Map<String, Object> variables = Map.of("FILESTORE_DATADIR", dataDir.toString(),
                "FILESTORE_FLUSH_INTERVAL", "3s", "FILESTORE_WAL_FSYNCINTERVAL", "0",
                "FILESTORE_COLLECTIONS_LOGS_STRATEGY", "single-file", "FILESTORE_COLLECTIONS_LOGS_FORMAT", "jsonl",
                "FILESTORE_COLLECTIONS_LOGS_APPEND_ONLY", "true", "FILESTORE_COLLECTIONS_USERS_INDEXED", "email");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment", variables)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(FileStoreOptions.class).flushInterval())
                            .isEqualTo(Duration.ofSeconds(3));
                    assertThat(context.getBean(FileStoreOptions.class).collections().get("logs").appendOnly())
                            .isTrue();
                });
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("systemEnvironment", Map.of("FILESTORE_FLUSH_INTERVALL", "3s"))))
                .withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
                        .contains("filestore.flush.intervall"));
    }

    @Test
    void aWalOnAMemoryOnlyCollectionIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.sessions.strategy=memory-only",
                "filestore.collections.sessions.wal=true");

        assertThat(analysis.getDescription()).contains("'filestore.collections.sessions.wal'");
        assertThat(analysis.getAction()).contains("false for memory-only collections");
    }

    @Test
    void anUnknownFormatIsReportedWithTheFormats() {
        FailureAnalysis analysis = failure("filestore.collections.logs.strategy=single-file",
                "filestore.collections.logs.format=xml");

        assertThat(analysis.getDescription()).contains("'xml'", "'filestore.collections.logs.format'");
        assertThat(analysis.getAction()).contains("json, jsonl");
    }

    @Test
    void aFormatOnAnotherStrategyIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.users.format=jsonl");

        assertThat(analysis.getDescription()).contains("'filestore.collections.users.format'");
        assertThat(analysis.getAction()).contains("format is for single-file collections");
    }

    @Test
    void appendOnlyWithoutJsonLinesIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.logs.strategy=single-file",
                "filestore.collections.logs.append-only=true");

        assertThat(analysis.getDescription()).contains("'filestore.collections.logs.append-only'");
        assertThat(analysis.getAction()).contains("false unless strategy is single-file with format jsonl");
    }

    @Test
    void anInvalidIndexedFieldIsReported() {
        FailureAnalysis analysis = failure("filestore.collections.users.indexed[0]=email",
                "filestore.collections.users.indexed[1]=bad field");

        assertThat(analysis.getDescription()).contains("'bad field'", "'filestore.collections.users.indexed'");
    }

    @Test
    void anInvalidCollectionNameIsReported() {
        FailureAnalysis analysis = failure("filestore.collections._hidden.strategy=memory-only");

        assertThat(analysis.getDescription()).contains("'_hidden'", "'filestore.collections._hidden'");
        assertThat(analysis.getAction()).contains("starting with a letter or digit");
    }

    @Test
    void twoCollectionsOnOnePathAreReported() {
        FailureAnalysis analysis = failure("filestore.collections.a.path=shared", "filestore.collections.b.path=shared");

        assertThat(analysis.getDescription()).containsAnyOf("'filestore.collections.a.path'", "'filestore.collections.b.path'")
                .contains("'shared'");
        assertThat(analysis.getAction()).containsAnyOf("collection 'a' uses it already", "collection 'b' uses it already");
    }

    @Test
    void aFolderLockedByAnotherStoreIsReportedWithTheFolder() {
        try (FileStore holder = FileStore.open(dataDir)) {
            runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                String folder = dataDir.toRealPath().toString();
                assertThat(analysis.getDescription()).contains(folder, "locked by another FileStore in this JVM");
                assertThat(analysis.getAction()).contains(folder, "filestore.data-dir");
            });
        }
    }

    @Test
    void theAnalyzersAreRegisteredWithSpringBoot() {
        List<String> registered = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> { }))
                .stream().map(analyzer -> analyzer.getClass().getName()).toList();

        assertThat(registered).contains(InvalidFileStorePropertyFailureAnalyzer.class.getName(),
                StoreLockedFailureAnalyzer.class.getName(), WriteAheadLogLossFailureAnalyzer.class.getName(),
                SharedStoreUnavailableFailureAnalyzer.class.getName());
    }

    @Test
    void aWriteAheadLogWithMissingTransactionsIsReportedWithThePropertyThatAcceptsTheLoss() {
        Path wal = dataDir.resolve("_wal");
        Throwable failure = new BeanCreationException("fileStore",
                "Failed to instantiate", new WriteAheadLogLossException(wal, List.of("segment 1 (sequences 1-40) is missing")));

        FailureAnalysis analysis = new WriteAheadLogLossFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains(wal.toString(), "segment 1 (sequences 1-40) is missing");
        assertThat(analysis.getAction()).contains("filestore.wal.accept-log-loss=true", "Restore the missing segment files")
                .doesNotContain("FileStoreOptions.builder");
    }

    private FailureAnalysis failure(String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.withPropertyValues("filestore.data-dir=" + dataDir).withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = analyze(context.getStartupFailure());
        });
        assertThat(analysis[0]).as("a failure analysis").isNotNull();
        return analysis[0];
    }

    private static FailureAnalysis analyze(Throwable failure) {
        return Stream.of(new InvalidFileStorePropertyFailureAnalyzer(), new StoreLockedFailureAnalyzer())
                .map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }
}

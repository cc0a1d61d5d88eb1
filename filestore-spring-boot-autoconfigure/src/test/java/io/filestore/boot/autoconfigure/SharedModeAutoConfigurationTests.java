package io.filestore.boot.autoconfigure;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.SharedStatus;
import io.filestore.Strategy;
import io.filestore.postgres.PostgresSharedStorage;
import io.filestore.postgres.testing.PostgresServer;
import io.filestore.spi.SharedStorage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code filestore.shared.*} in real Boot contexts on a real PostgreSQL: which database is used (the URL
 * wins over the application's DataSource), and every missing or wrong piece fails startup naming the
 * property.
 */
class SharedModeAutoConfigurationTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void theUrlMakesASharedStoreWhoseWritesAreInTheDatabase() throws Exception {
        String url = database();
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.shared.enabled=true",
                "filestore.shared.url=" + url, "filestore.shared.username=postgres").run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(SharedStorage.class);
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("users").put("u1", Map.of("name", "Ada"));

                    SharedStatus shared = store.status().shared();
                    assertThat(shared).isNotNull();
                    assertThat(shared.writable()).isTrue();
                    assertThat(context.getBean(FileStoreOptions.class).collection("users").strategy()).isEqualTo(Strategy.SHARED);
                    assertThat(rows(url, "users")).isEqualTo(1);
                });
    }

    @Test
    void withoutAUrlTheApplicationsDataSourceIsUsed() throws Exception {
        String url = database();
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir, "filestore.shared.enabled=true",
                        "spring.datasource.url=" + url, "spring.datasource.username=postgres").run(context -> {
                            assertThat(context).hasNotFailed();
                            context.getBean(FileStore.class).collection("users").put("u1", Map.of("name", "Ada"));

                            assertThat(rows(url, "users")).isEqualTo(1);
                        });
    }

    @Test
    void theUrlWinsOverTheApplicationsDataSource() throws Exception {
        String shared = database();
        String application = database();
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir, "filestore.shared.enabled=true",
                        "filestore.shared.url=" + shared, "filestore.shared.username=postgres",
                        "spring.datasource.url=" + application, "spring.datasource.username=postgres").run(context -> {
                            context.getBean(FileStore.class).collection("users").put("u1", Map.of("name", "Ada"));

                            assertThat(rows(shared, "users")).isEqualTo(1);
                            assertThat(tableExists(application, "fs_users")).isFalse();
                        });
    }

    @Test
    void twoContextsOnOneDatabaseSeeEachOthersWrites() throws Exception {
        String url = database();
        Path second = dataDir.resolve("second");
        String[] shared = {"filestore.shared.enabled=true", "filestore.shared.url=" + url, "filestore.shared.username=postgres"};
        runner.withPropertyValues("filestore.data-dir=" + dataDir.resolve("first")).withPropertyValues(shared).run(first ->
                runner.withPropertyValues("filestore.data-dir=" + second).withPropertyValues(shared).run(other -> {
                    first.getBean(FileStore.class).collection("users").put("u1", Map.of("name", "Ada"));

                    FileStore reader = other.getBean(FileStore.class);
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (reader.collection("users").get("u1").isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(reader.collection("users").get("u1")).isPresent();
                }));
    }

    @Test
    void withoutTheModuleStartupFailsNamingTheDependencies() {
        FailureAnalysis analysis = failure(runner.withClassLoader(new FilteredClassLoader(PostgresSharedStorage.class)),
                "filestore.shared.enabled=true", "filestore.shared.url=jdbc:postgresql://localhost/db");

        assertThat(analysis.getDescription()).contains("'filestore.shared.enabled'", "filestore-postgres");
        assertThat(analysis.getAction()).contains("io.filestore:filestore-postgres", "org.postgresql:postgresql");
    }

    @Test
    void withoutAUrlOrADataSourceStartupFailsNamingTheUrl() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true");

        assertThat(analysis.getDescription()).contains("'filestore.shared.url'", "DataSource");
        assertThat(analysis.getAction()).contains("filestore.shared.url", "spring.datasource.url");
    }

    @Test
    void aUrlOfAnotherDatabaseIsReported() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:mysql://localhost/db", "filestore.shared.username=app");

        assertThat(analysis.getDescription()).contains("'jdbc:mysql://localhost/db'", "'filestore.shared.url'");
        assertThat(analysis.getAction()).contains("jdbc:postgresql://");
    }

    @Test
    void aUrlWithoutAUserIsReported() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:postgresql://localhost/db");

        assertThat(analysis.getDescription()).contains("'filestore.shared.username'");
    }

    @Test
    void aNegativeRetentionIsReportedAsWritten() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:postgresql://localhost/db", "filestore.shared.username=app",
                "filestore.shared.retention=-5m");

        assertThat(analysis.getDescription()).contains("'-5m'", "'filestore.shared.retention'");
        assertThat(analysis.getAction()).contains("a positive duration");
    }

    @Test
    void aZeroInstanceTimeoutIsReported() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:postgresql://localhost/db", "filestore.shared.username=app",
                "filestore.shared.instance-timeout=0s");

        assertThat(analysis.getDescription()).contains("'filestore.shared.instance-timeout'");
    }

    @Test
    void aLocalStrategyInASharedStoreIsReportedWithTheStrategiesAllowedThere() {
        FailureAnalysis analysis = failure(runner, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:postgresql://localhost/db", "filestore.shared.username=app",
                "filestore.collections.logs.strategy=single-file");

        assertThat(analysis.getDescription()).contains("'filestore.collections.logs.strategy'");
        assertThat(analysis.getAction()).contains("shared", "memory-only");
    }

    @Test
    void anUnreachableDatabaseFailsStartupSayingWhereItIsConfigured() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.shared.enabled=true",
                "filestore.shared.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/db",
                "filestore.shared.username=app").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new SharedStoreUnavailableFailureAnalyzer().analyze(context.getStartupFailure());

                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("FileStore could not open its shared store");
                    assertThat(analysis.getAction()).contains("filestore.shared.url", "spring.datasource.url");
                });
    }

    @Test
    void whenDisabledADataSourceIsLeftAlone() throws Exception {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database());
        runner.withBean(PGSimpleDataSource.class, () -> source).withPropertyValues("filestore.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SharedStorage.class);
                    assertThat(context.getBean(FileStore.class).status().shared()).isNull();
                });
    }

    private FailureAnalysis failure(ApplicationContextRunner with, String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        with.withPropertyValues("filestore.data-dir=" + dataDir).withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = Stream.of(new InvalidFileStorePropertyFailureAnalyzer(), new SharedStoreUnavailableFailureAnalyzer())
                    .map(analyzer -> analyzer.analyze(context.getStartupFailure()))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        });
        assertThat(analysis[0]).as("a failure analysis").isNotNull();
        return analysis[0];
    }

    /** A fresh database on the server, so that no test sees another's tables. */
    static String database() throws SQLException {
        String name = "boot" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return postgres.url().replace("/postgres", "/" + name);
    }

    private static int rows(String url, String collection) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from fs_" + collection)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean tableExists(String url, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}

package io.filestore.boot.autoconfigure.metrics;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.boot.autoconfigure.FailingLogStorageIO;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class FileStoreMetricsTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class,
                    FileStoreMetricsAutoConfiguration.class));

    @TempDir
    Path dataDir;

    @Test
    void writesAndDeletesAreCountedPerCollection() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.collections.users.indexed=email")
                .run(context -> {
                    MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("users").put("u1", Map.of("email", "a@x.io"));
                    store.collection("users").put("u1", Map.of("email", "b@x.io"));
                    store.collection("users").put("u2", Map.of("email", "c@x.io"));
                    store.collection("users").delete("u2");

                    assertThat(registry.get("filestore.writes").tag("collection", "users").functionCounter().count())
                            .isEqualTo(3);
                    assertThat(registry.get("filestore.deletes").tag("collection", "users").functionCounter().count())
                            .isEqualTo(1);
                    assertThat(registry.get("filestore.records").tag("collection", "users").gauge().value())
                            .isEqualTo(1);
                });
    }

    @Test
    void aCollectionUsedAfterBindingGetsItsMetersAtItsFirstWrite() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
            assertThat(registry.find("filestore.records").tag("collection", "orders").gauge()).isNull();

            context.getBean(FileStore.class).collection("orders").put("o1", Map.of("status", "NEW"));

            assertThat(registry.get("filestore.records").tag("collection", "orders").gauge().value()).isEqualTo(1);
            assertThat(registry.get("filestore.writes").tag("collection", "orders").functionCounter().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void pendingWritesCountUnflushedRecordsUntilTheFlush() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.flush-interval=1h",
                "filestore.collections.orders.wal=false").run(context -> {
                    MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
                    FileStore store = context.getBean(FileStore.class);
                    store.collection("orders").put("o1", Map.of("status", "NEW"));
                    store.collection("orders").put("o2", Map.of("status", "NEW"));
                    assertThat(registry.get("filestore.pending.writes").tag("collection", "orders").gauge().value())
                            .isEqualTo(2);
                    double flushesBefore = registry.get("filestore.flushes").functionCounter().count();

                    store.flush();

                    assertThat(registry.get("filestore.pending.writes").tag("collection", "orders").gauge().value())
                            .isZero();
                    assertThat(registry.get("filestore.flushes").functionCounter().count()).isEqualTo(flushesBefore + 1);
                    assertThat(registry.get("filestore.flush.duration").timeGauge().value(TimeUnit.NANOSECONDS))
                            .isPositive();
                    assertThat(registry.get("filestore.flush.failures").functionCounter().count()).isZero();
                });
    }

    @Test
    void theLogsSizeAndFsyncsAreMeasured() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir).run(context -> {
            MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
            context.getBean(FileStore.class).collection("users").put("u1", Map.of("email", "a@x.io"));

            assertThat(registry.get("filestore.wal.bytes").gauge().value()).isPositive();
            assertThat(registry.get("filestore.wal.fsync.latency").functionTimer().count()).isPositive();
            assertThat(registry.get("filestore.wal.fsync.latency").functionTimer().totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
            assertThat(registry.get("filestore.wal.fsync.latency.max").timeGauge().value(TimeUnit.NANOSECONDS))
                    .isPositive();
            assertThat(registry.get("filestore.wal.pending.writes").gauge().value()).isZero();
            assertThat(registry.get("filestore.fenced").gauge().value()).isZero();
        });
    }

    @Test
    void writersThatWaitedForTheFlusherAreTimed() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir, "filestore.max-dirty-records=1").run(context -> {
            MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
            assertThat(registry.get("filestore.write.stall").functionTimer().count()).isZero();
            FileStore store = context.getBean(FileStore.class);

            for (int i = 0; i < 3; i++) {
                store.collection("users").put("u" + i, Map.of("email", i + "@x.io"));
            }

            // a bound of one record: a put finds it reached and waits for a flush before it returns, unless a
            // flush under way already wrote its record
            assertThat(registry.get("filestore.write.stall").functionTimer().count()).isBetween(1.0, 3.0);
            assertThat(registry.get("filestore.write.stall").functionTimer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get("filestore.wal.unflushed.bytes").gauge().value()).isNotNegative();
        });
    }

    @Test
    void aFencedStoreShowsAsFenced() {
        FailingLogStorageIO io = new FailingLogStorageIO();
        runner.withBean(FileStoreOptions.class, () -> FileStoreOptions.builder(dataDir).storageIO(io)
                        .collection(CollectionOptions.builder("users").build()).build())
                .run(context -> {
                    MeterRegistry registry = bound(context.getBean(FileStoreMetrics.class));
                    io.failLogFsyncs();
                    try {
                        context.getBean(FileStore.class).collection("users").put("u1", Map.of());
                    } catch (RuntimeException expected) {
                        // the write fails and fences the store
                    }

                    assertThat(registry.get("filestore.fenced").gauge().value()).isEqualTo(1);
                });
    }

    @Test
    void springBootBindsTheMetersToTheApplicationsRegistry() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        SimpleMetricsExportAutoConfiguration.class))
                .withPropertyValues("filestore.data-dir=" + dataDir, "filestore.collections.users.indexed=email")
                .run(context -> {
                    context.getBean(FileStore.class).collection("users").put("u1", Map.of("email", "a@x.io"));

                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("filestore.records").tag("collection", "users").gauge().value()).isEqualTo(1);
                    assertThat(registry.get("filestore.writes").tag("collection", "users").functionCounter().count())
                            .isEqualTo(1);
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnMeters() {
        runner.withPropertyValues("filestore.data-dir=" + dataDir)
                .withBean("myMeters", FileStoreMetrics.class, () -> new FileStoreMetrics(null))
                .run(context -> assertThat(context).getBean(FileStoreMetrics.class)
                        .isSameAs(context.getBean("myMeters")));
    }

    private static MeterRegistry bound(FileStoreMetrics metrics) {
        MeterRegistry registry = new SimpleMeterRegistry();
        metrics.bindTo(registry);
        return registry;
    }
}

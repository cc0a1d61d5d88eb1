package io.filestore.boot.autoconfigure;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.filestore.postgres.PostgresSharedStorage;
import io.filestore.spi.SharedStorage;

/**
 * Builds the shared store's {@link PostgresSharedStorage} from {@code filestore.shared.*}. Which database:
 * {@code filestore.shared.url} wins when set (with {@code username} and {@code password}); otherwise the
 * application's one {@code DataSource} bean. Each missing or wrong piece fails startup naming the
 * property. Only {@link FileStoreSharedConfiguration} calls {@link #build}, so this class is loaded only
 * when the module is there; {@link #missingModule} is safe to call without it.
 */
final class SharedStorageFromProperties {

    static final String PREFIX = "filestore.shared.";
    private static final String STORAGE_CLASS = "io.filestore.postgres.PostgresSharedStorage";
    private static final String URL_EXAMPLE = "a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/app";

    private SharedStorageFromProperties() {
    }

    /**
     * The storage.
     *
     * @param dataSource the application's one {@code DataSource}, or {@code null} when it has none or several
     * @throws InvalidFileStorePropertyException naming the property that is missing or wrong
     */
    static SharedStorage build(FileStoreProperties.Shared shared, Environment environment,
                               Supplier<@Nullable DataSource> dataSource) {
        PostgresSharedStorage storage = shared.getUrl() != null ? onUrl(shared, environment) : onDataSource(environment,
                dataSource.get());
        return OptionsFromProperties.validated(environment, () -> storage.retention(shared.getRetention())
                .instanceTimeout(shared.getInstanceTimeout()));
    }

    private static PostgresSharedStorage onUrl(FileStoreProperties.Shared shared, Environment environment) {
        String url = shared.getUrl();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw InvalidFileStorePropertyException.invalidValue(PREFIX + "url", url, List.of(URL_EXAMPLE),
                    OptionsFromProperties.origin(environment, PREFIX + "url"), null);
        }
        if (shared.getUsername() == null) {
            throw InvalidFileStorePropertyException.missing(PREFIX + "username", null,
                    "is not set, and '" + PREFIX + "url' is (" + url + ")",
                    "Set '" + PREFIX + "username' (and '" + PREFIX + "password') to the database user.",
                    List.of("a PostgreSQL user name"), OptionsFromProperties.origin(environment, PREFIX + "url"));
        }
        return PostgresSharedStorage.of(url, shared.getUsername(), shared.getPassword());
    }

    private static PostgresSharedStorage onDataSource(Environment environment, @Nullable DataSource dataSource) {
        if (dataSource == null) {
            throw InvalidFileStorePropertyException.missing(PREFIX + "url", null, "is not set, and the application has no "
                    + "single DataSource bean to use instead, while '" + PREFIX + "enabled' is true",
                    "Set '" + PREFIX + "url' (with '" + PREFIX + "username' and '" + PREFIX + "password'), or give the "
                    + "application one DataSource on the PostgreSQL database (spring.datasource.url with "
                    + "spring-boot-starter-jdbc), or set '" + PREFIX + "enabled' to false.",
                    List.of(URL_EXAMPLE, "unset, with one DataSource bean"),
                    OptionsFromProperties.origin(environment, PREFIX + "enabled"));
        }
        return PostgresSharedStorage.of(dataSource);
    }

    /** Whether the {@code filestore-postgres} module is on the class path. */
    static boolean modulePresent(@Nullable ClassLoader classLoader) {
        return ClassUtils.isPresent(STORAGE_CLASS, classLoader);
    }

    /** The failure for {@code filestore.shared.enabled=true} without the module (or without a storage bean). */
    static InvalidFileStorePropertyException missingModule(Environment environment, boolean present) {
        String problem = present ? "is true, but no SharedStorage bean was made (was FileStoreSharedConfiguration excluded?)"
                : "is true, but the filestore-postgres module is not on the class path";
        return InvalidFileStorePropertyException.missing(PREFIX + "enabled", true, problem,
                "Add the dependencies io.filestore:filestore-postgres and org.postgresql:postgresql to the application, "
                + "or set '" + PREFIX + "enabled' to false for a store of this instance's own.",
                List.of("true (with filestore-postgres on the class path)", "false"),
                OptionsFromProperties.origin(environment, PREFIX + "enabled"));
    }
}

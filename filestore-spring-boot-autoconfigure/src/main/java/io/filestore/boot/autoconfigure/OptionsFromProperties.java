package io.filestore.boot.autoconfigure;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

import io.filestore.CollectionOptions;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.InvalidOptionsException;
import io.filestore.Strategy;
import io.filestore.spi.SharedStorage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds {@link FileStoreOptions} from {@link FileStoreProperties}, then lets the customizer beans
 * change them. The core's builders do the checking, so the rules live in one place; this class only
 * adds the {@code filestore.} prefix to the option they name, looks up where the value was set, and
 * refuses keys the binder would silently ignore.
 */
final class OptionsFromProperties {

    private static final Logger log = LoggerFactory.getLogger(OptionsFromProperties.class);
    private static final String PREFIX = "filestore.";

    /**
     * The customizer beans, each list in {@code @Order}.
     *
     * @param options     applied last, to the whole options
     * @param collections applied to each declared collection
     * @param jsonMapper  applied to a builder of FileStore's default mapper
     */
    record Customizers(List<FileStoreOptionsBuilderCustomizer> options, List<FileStoreCollectionCustomizer> collections,
                       List<FileStoreJsonMapperCustomizer> jsonMapper) {

        static final Customizers NONE = new Customizers(List.of(), List.of(), List.of());

        boolean isEmpty() {
            return options.isEmpty() && collections.isEmpty() && jsonMapper.isEmpty();
        }
    }

    private OptionsFromProperties() {
    }

    /**
     * The validated options: the properties' first, so that a wrong value is reported with the property
     * that holds it, then with the customizers applied.
     *
     * @param entityCollections the collections of the application's {@code @Document} entities, which
     *                          the collection customizers see too
     * @param shared            the shared store's database when {@code filestore.shared.enabled}, else {@code null}
     * @throws InvalidFileStorePropertyException naming the first property that is unknown or has a wrong value
     * @throws IllegalStateException             when the customizers made the options invalid
     */
    static FileStoreOptions build(FileStoreProperties properties, Environment environment, Customizers customizers,
                                  Collection<String> entityCollections, @Nullable SharedStorage shared) {
        FileStorePropertyKeys.rejectUnknown(environment);
        FileStoreOptions fromProperties = validated(environment,
                () -> builder(properties, Customizers.NONE, Set.of(), shared).build());
        if (customizers.isEmpty()) {
            return fromProperties;
        }
        try {
            return builder(properties, customizers, entityCollections, shared).build();
        } catch (InvalidOptionsException e) {
            throw new IllegalStateException("The FileStore options are valid as the filestore.* properties set them, "
                    + "but not once the FileStoreOptionsBuilderCustomizer, FileStoreCollectionCustomizer and "
                    + "FileStoreJsonMapperCustomizer beans changed them: " + e.getMessage(), e);
        }
    }

    /**
     * Warns of each configured collection that no entity uses but that is a near miss of an entity's
     * collection: its settings (indexes, strategy) would silently not apply to the entity's records.
     */
    static void warnNearMisses(Collection<String> configured, Collection<String> entityCollections) {
        for (String name : configured) {
            if (entityCollections.contains(name)) {
                continue;
            }
            NearMiss.closest(name, entityCollections).ifPresent(entity -> log.warn("FileStore collection '{}' "
                    + "(filestore.collections.{}) matches no @Document collection, but is one or two letters from "
                    + "the @Document collection '{}': if it is meant for that entity, rename it to '{}'; its settings "
                    + "do not apply to '{}' as written.", name, name, entity, entity, entity));
        }
    }

    private static FileStoreOptions.Builder builder(FileStoreProperties properties, Customizers customizers,
                                                    Collection<String> entityCollections, @Nullable SharedStorage shared) {
        FileStoreOptions.Builder options = FileStoreOptions.builder(properties.getDataDir())
                .flushInterval(properties.getFlushInterval())
                .fsyncInterval(properties.getWal().getFsyncInterval())
                .acceptLogLoss(properties.getWal().isAcceptLogLoss())
                .maxUnflushedLogBytes(properties.getWal().getMaxUnflushedSize().toBytes())
                .maxDirtyRecords(properties.getMaxDirtyRecords())
                .watch(properties.isWatch());
        if (shared != null) {
            options.shared(shared);
        }
        Set<String> names = new LinkedHashSet<>(properties.getCollections().keySet());
        if (!customizers.collections().isEmpty()) {
            names.addAll(entityCollections);
        }
        for (String name : names) {
            FileStoreProperties.Collection configured = properties.getCollections().get(name);
            CollectionOptions.Builder collection = configured != null ? collection(name, configured)
                    : CollectionOptions.builder(name);
            customizers.collections().forEach(customizer -> customizer.customize(name, collection));
            options.collection(collection.build());
        }
        if (!customizers.jsonMapper().isEmpty()) {
            JsonMapper.Builder mapper = FileStoreOptions.defaultJsonMapper().rebuild();
            customizers.jsonMapper().forEach(customizer -> customizer.customize(mapper));
            options.jsonMapper(mapper.build());
        }
        customizers.options().forEach(customizer -> customizer.customize(options));
        return options;
    }

    private static CollectionOptions.Builder collection(String name, FileStoreProperties.Collection properties) {
        String option = "collections." + name + ".";
        CollectionOptions.Builder collection = CollectionOptions.builder(name)
                .strategy(Strategy.fromConfigName(option + "strategy", properties.getStrategy()))
                .path(properties.getPath())
                .indexed(properties.getIndexed())
                .unique(properties.getUnique())
                .ttl(properties.getTtl())
                .appendOnly(properties.isAppendOnly());
        if (properties.getWal() != null) {
            collection.wal(properties.getWal());
        }
        if (properties.getFormat() != null) {
            collection.format(Format.fromConfigName(option + "format", properties.getFormat()));
        }
        return collection;
    }

    /**
     * What {@code build} makes, with a core {@link InvalidOptionsException} turned into a report naming the
     * {@code filestore.*} property, its value as written and where it was set.
     */
    static <T> T validated(Environment environment, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidOptionsException e) {
            String property = "collection name".equals(e.option()) ? PREFIX + "collections." + e.value() : PREFIX + e.option();
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(property, '.');
            ConfigurationProperty written = find(environment, name);
            // as written ("-5s" rather than "PT-5S"), unless the core named one element of a list
            Object value = written != null && written.getName().equals(name) ? written.getValue() : e.value();
            throw InvalidFileStorePropertyException.invalidValue(property, value, e.allowed(),
                    written == null ? null : describe(written), e);
        }
    }

    /** Where the property was set, such as {@code class path resource [application.yml] - 4:15}; {@code null} when unknown. */
    static String origin(Environment environment, String property) {
        ConfigurationProperty written = find(environment, ConfigurationPropertyName.adapt(property, '.'));
        return written == null ? null : describe(written);
    }

    /** The property as set, or its first element when it is a list; {@code null} when it was not set. */
    private static @Nullable ConfigurationProperty find(Environment environment, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found == null && source instanceof IterableConfigurationPropertySource iterable) {
                found = iterable.stream().filter(name::isAncestorOf).findFirst()
                        .map(source::getConfigurationProperty).orElse(null);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String describe(ConfigurationProperty property) {
        return property.getOrigin() == null ? null : property.getOrigin().toString();
    }
}

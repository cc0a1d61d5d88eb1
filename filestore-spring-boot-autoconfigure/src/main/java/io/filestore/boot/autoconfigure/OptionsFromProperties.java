package io.filestore.boot.autoconfigure;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

import io.filestore.CollectionOptions;
import io.filestore.FileStoreOptions;
import io.filestore.Format;
import io.filestore.InvalidOptionsException;
import io.filestore.Strategy;

/**
 * Builds {@link FileStoreOptions} from {@link FileStoreProperties}. The core's builders do the
 * checking, so the rules live in one place; this class only adds the {@code filestore.} prefix to the
 * option they name, looks up where the value was set, and refuses keys under a collection that the
 * binder would silently ignore.
 */
final class OptionsFromProperties {

    private static final String PREFIX = "filestore.";
    private static final ConfigurationPropertyName COLLECTIONS = ConfigurationPropertyName.of("filestore.collections");

    /** The keys a collection accepts, as written in configuration files. */
    static final List<String> COLLECTION_KEYS =
            List.of("strategy", "path", "indexed", "unique", "wal", "ttl", "format", "append-only");

    private OptionsFromProperties() {
    }

    /**
     * The validated options.
     *
     * @throws InvalidFileStorePropertyException naming the first property that is unknown or has a wrong value
     */
    static FileStoreOptions build(FileStoreProperties properties, Environment environment) {
        rejectUnknownCollectionKeys(environment);
        try {
            FileStoreOptions.Builder options = FileStoreOptions.builder(properties.getDataDir())
                    .flushInterval(properties.getFlushInterval())
                    .fsyncInterval(properties.getWal().getFsyncInterval())
                    .watch(properties.isWatch());
            properties.getCollections().forEach((name, collection) -> options.collection(collection(name, collection)));
            return options.build();
        } catch (InvalidOptionsException e) {
            String property = "collection name".equals(e.option()) ? PREFIX + "collections." + e.value() : PREFIX + e.option();
            ConfigurationPropertyName name = ConfigurationPropertyName.adapt(property, '.');
            ConfigurationProperty written = find(environment, name);
            // as written ("-5s" rather than "PT-5S"), unless the core named one element of a list
            Object value = written != null && written.getName().equals(name) ? written.getValue() : e.value();
            throw InvalidFileStorePropertyException.invalidValue(property, value, e.allowed(),
                    written == null ? null : describe(written.getOrigin()), e);
        }
    }

    private static CollectionOptions collection(String name, FileStoreProperties.Collection properties) {
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
        return collection.build();
    }

    private static void rejectUnknownCollectionKeys(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            Optional<ConfigurationPropertyName> unknown = iterable.stream()
                    .filter(name -> COLLECTIONS.isAncestorOf(name) && name.getNumberOfElements() > 3)
                    .filter(name -> !isCollectionKey(name.getElement(3, Form.UNIFORM)))
                    .findFirst();
            if (unknown.isPresent()) {
                ConfigurationPropertyName name = unknown.get();
                ConfigurationProperty property = source.getConfigurationProperty(name);
                String key = PREFIX + "collections." + name.getElement(2, Form.ORIGINAL) + "." + name.getElement(3, Form.ORIGINAL);
                throw InvalidFileStorePropertyException.unknownKey(key, property == null ? null : property.getValue(),
                        COLLECTION_KEYS, property == null ? null : describe(property.getOrigin()));
            }
        }
    }

    private static boolean isCollectionKey(String uniformKey) {
        return COLLECTION_KEYS.stream().anyMatch(key -> key.replace("-", "").equals(uniformKey));
    }

    /** The property as set, or its first element when it is a list; {@code null} when it was not set. */
    private static ConfigurationProperty find(Environment environment, ConfigurationPropertyName name) {
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

    private static String describe(Origin origin) {
        return origin == null ? null : origin.toString();
    }
}

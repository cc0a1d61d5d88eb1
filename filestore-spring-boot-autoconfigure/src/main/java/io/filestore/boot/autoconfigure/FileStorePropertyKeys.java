package io.filestore.boot.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The keys FileStore reads under {@code filestore.}, taken from the fields of
 * {@link FileStoreProperties} so that a property added there is known here, and the check that every
 * key set under {@code filestore.} is one of them: Spring's binder ignores an unknown key without a
 * word, so {@code filestore.flush-intervall: 10s} would leave the default in force.
 */
final class FileStorePropertyKeys {

    private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("filestore");
    private static final Node PROPERTIES = Node.of(FileStoreProperties.class);
    private static final int COLLECTIONS_DEPTH = 2;

    private FileStorePropertyKeys() {
    }

    /** The store's keys in dashed form ({@code filestore.wal.fsync-interval}), without the collections. */
    static List<String> storeKeys() {
        List<String> keys = new ArrayList<>();
        PROPERTIES.children.forEach((key, node) -> node.collectLeaves("filestore." + key, keys));
        return keys;
    }

    /** The keys a collection accepts, in declaration order ({@code strategy}, ..., {@code append-only}). */
    static List<String> collectionKeys() {
        return List.copyOf(PROPERTIES.children.get("collections").value.children.keySet());
    }

    /**
     * Fails on the first key set under {@code filestore.} that FileStore does not read.
     *
     * @throws InvalidFileStorePropertyException naming the key, the closest known one and all of them
     */
    static void rejectUnknown(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            // FILESTORE_FLUSH_INTERVAL binds like FILESTORE_FLUSHINTERVAL: a variable's words may split a key
            boolean joinWords = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
            Optional<ConfigurationPropertyName> unknown = iterable.stream()
                    .filter(ROOT::isAncestorOf)
                    .filter(name -> !PROPERTIES.accepts(name, 1, joinWords))
                    .findFirst();
            if (unknown.isPresent()) {
                throw unknownKey(unknown.get(), source.getConfigurationProperty(unknown.get()));
            }
        }
    }

    private static InvalidFileStorePropertyException unknownKey(ConfigurationPropertyName name, @Nullable ConfigurationProperty property) {
        Object value = property == null ? null : property.getValue();
        String origin = property == null || property.getOrigin() == null ? null : property.getOrigin().toString();
        if (isCollectionKey(name)) {
            String key = name.getElement(COLLECTIONS_DEPTH + 1, Form.DASHED);
            String written = "filestore.collections." + name.getElement(COLLECTIONS_DEPTH, Form.ORIGINAL) + "."
                    + name.getElement(COLLECTIONS_DEPTH + 1, Form.ORIGINAL);
            return InvalidFileStorePropertyException.unknownCollectionKey(written, value,
                    NearMiss.closest(key, collectionKeys()).orElse(null), collectionKeys(), origin);
        }
        String written = written(name);
        List<String> known = new ArrayList<>(storeKeys());
        known.add("filestore.collections.<name>.<key>");
        return InvalidFileStorePropertyException.unknownKey(written, value,
                NearMiss.closest(written, storeKeys()).orElse(null), known, origin);
    }

    /** Whether the name's unknown part is the key under a collection (not what follows a known key). */
    private static boolean isCollectionKey(ConfigurationPropertyName name) {
        return name.getNumberOfElements() > COLLECTIONS_DEPTH + 1
                && "collections".equals(name.getElement(1, Form.UNIFORM))
                && collectionKeys().stream().noneMatch(key ->
                        key.replace("-", "").equals(name.getElement(COLLECTIONS_DEPTH + 1, Form.UNIFORM)));
    }

    /** The name as it was written, elements in their original case. */
    private static String written(ConfigurationPropertyName name) {
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            String element = name.getElement(i, Form.ORIGINAL);
            if (name.isNumericIndex(i) || element.contains(".")) {
                written.append('[').append(element).append(']');
            } else {
                written.append(i == 0 ? "" : ".").append(element);
            }
        }
        return written.toString();
    }

    /** A node of the properties' shape: a value, a list of values, a group of keys, or a map of groups. */
    private static final class Node {

        private enum Kind { VALUE, LIST, GROUP, MAP }

        private final Kind kind;
        /** A group's keys in dashed form, in declaration order. */
        private final Map<String, Node> children;
        /** A map's value. */
        private final Node value;

        private Node(Kind kind, Map<String, Node> children, Node value) {
            this.kind = kind;
            this.children = children;
            this.value = value;
        }

        static Node of(Class<?> group) {
            Map<String, Node> children = new LinkedHashMap<>();
            for (Field field : group.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    children.put(DataObjectPropertyName.toDashedForm(field.getName()), ofField(field));
                }
            }
            return new Node(Kind.GROUP, children, null);
        }

        private static Node ofField(Field field) {
            Class<?> type = field.getType();
            if (Map.class.isAssignableFrom(type)) {
                Class<?> valueType = (Class<?>) ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[1];
                return new Node(Kind.MAP, Map.of(), isGroup(valueType) ? of(valueType) : leaf(Kind.VALUE));
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return leaf(Kind.LIST);
            }
            return isGroup(type) ? of(type) : leaf(Kind.VALUE);
        }

        private static boolean isGroup(Class<?> type) {
            return type.getDeclaringClass() == FileStoreProperties.class;
        }

        private static Node leaf(Kind kind) {
            return new Node(kind, Map.of(), null);
        }

        /** Whether the name's elements from {@code index} on are a key of this node. */
        boolean accepts(ConfigurationPropertyName name, int index, boolean joinWords) {
            int size = name.getNumberOfElements();
            if (index == size) {
                return true;
            }
            return switch (kind) {
                case VALUE -> false;
                case LIST -> index == size - 1 && name.isNumericIndex(index);
                case MAP -> value.accepts(name, index + 1, joinWords);
                case GROUP -> acceptsChild(name, index, joinWords);
            };
        }

        private boolean acceptsChild(ConfigurationPropertyName name, int index, boolean joinWords) {
            String key = "";
            int last = joinWords ? name.getNumberOfElements() - 1 : index;
            for (int end = index; end <= last && !name.isNumericIndex(end); end++) {
                key += name.getElement(end, Form.UNIFORM);
                for (Map.Entry<String, Node> child : children.entrySet()) {
                    if (child.getKey().replace("-", "").equals(key) && child.getValue().accepts(name, end + 1, joinWords)) {
                        return true;
                    }
                }
            }
            return false;
        }

        void collectLeaves(String prefix, List<String> keys) {
            switch (kind) {
                case GROUP -> children.forEach((key, child) -> child.collectLeaves(prefix + "." + key, keys));
                case MAP -> { } // described per entry: filestore.collections.<name>.<key>
                default -> keys.add(prefix);
            }
        }
    }
}

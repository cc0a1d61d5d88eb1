package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.support.ExampleMatcherAccessor;

import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStorePersistentEntity;
import io.filestore.data.mapping.FileStorePersistentProperty;
import io.filestore.query.Condition;
import io.filestore.query.Where;

/**
 * Turns a query-by-example probe into a condition over the entity's persistent properties (what is
 * stored, under its stored name): each non-null property becomes an equality, nested objects property
 * by property, text the string match the matcher asks for; nulls count only with
 * {@link ExampleMatcher.NullHandler#INCLUDE}. Collections, maps, arrays and references are not matched;
 * ignored paths are property paths, as Spring Data names them.
 */
public final class ExampleConditions {

    private ExampleConditions() {
    }

    /** The condition, or {@code null} when the probe constrains nothing. */
    public static @Nullable Condition of(Example<?> example, MappingFileStoreConverter converter) {
        ExampleMatcherAccessor accessor = new ExampleMatcherAccessor(example.getMatcher());
        List<Condition> conditions = new ArrayList<>();
        Object probe = example.getProbe();
        collect(probe, converter.getMappingContext().getRequiredPersistentEntity(probe.getClass()), "", "", accessor,
                example.getMatcher(), converter, conditions);
        if (conditions.isEmpty()) {
            return null;
        }
        Condition[] all = conditions.toArray(Condition[]::new);
        return example.getMatcher().isAllMatching() ? Where.and(all) : Where.or(all);
    }

    /**
     * The condition of a probe in a repository of {@code domainType}: a probe of a subclass matches only
     * records of that class or its subclasses (by their stored type), as MongoDB does; {@code null} when
     * nothing is constrained.
     */
    public static @Nullable Condition of(Example<?> example, MappingFileStoreConverter converter, Class<?> domainType) {
        Condition probe = of(example, converter);
        Class<?> probeType = example.getProbeType();
        if (probeType.equals(domainType) || !domainType.isAssignableFrom(probeType)) {
            return probe;
        }
        List<Object> aliases = new ArrayList<>();
        for (FileStorePersistentEntity<?> entity : converter.getMappingContext().getPersistentEntities()) {
            if (probeType.isAssignableFrom(entity.getType())) {
                aliases.add(converter.typeAlias(entity.getType()));
            }
        }
        Condition typed = Where.in(MappingFileStoreConverter.TYPE_KEY, aliases);
        return probe == null ? typed : Where.and(typed, probe);
    }

    private static void collect(Object probe, FileStorePersistentEntity<?> entity, String javaPrefix, String storedPrefix,
                                ExampleMatcherAccessor accessor, ExampleMatcher matcher, MappingFileStoreConverter converter,
                                List<Condition> out) {
        PersistentPropertyAccessor<?> properties = entity.getPropertyAccessor(probe);
        for (FileStorePersistentProperty property : entity) {
            if (!property.isStored() || property.holdsEntities()) {
                continue;
            }
            String path = javaPrefix + property.getName();
            String stored = storedPrefix + property.fieldName();
            if (accessor.isIgnoredPath(path)) {
                continue;
            }
            Object value = properties.getProperty(property);
            if (value == null) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    out.add(Where.isNull(stored));
                }
            } else if (value instanceof String text) {
                Optional<Object> transformed = accessor.getValueTransformerForPath(path).apply(Optional.of(text));
                transformed.ifPresent(t -> out.add(text(stored, String.valueOf(t), accessor, path)));
            } else if (property.isCollectionLike() || property.isMap()) {
                continue;
            } else if (property.isEntity() && !converter.isValueType(value.getClass())) {
                collect(value, converter.getMappingContext().getRequiredPersistentEntity(value.getClass()), path + ".",
                        stored + ".", accessor, matcher, converter, out);
            } else {
                out.add(Where.eq(stored, converter.toStoredValue(value, property.getTypeInformation())));
            }
        }
    }

    private static Condition text(String path, String text, ExampleMatcherAccessor accessor, String propertyPath) {
        boolean ignoreCase = accessor.isIgnoreCaseForPath(propertyPath);
        ExampleMatcher.StringMatcher how = accessor.getStringMatcherForPath(propertyPath);
        String quoted = Pattern.quote(text);
        String regex = switch (how) {
            case STARTING -> quoted + ".*";
            case ENDING -> ".*" + quoted;
            case CONTAINING -> ".*" + quoted + ".*";
            case REGEX -> text;
            default -> null;
        };
        if (regex == null) {
            return ignoreCase ? Where.equalsIgnoreCase(path, text) : Where.eq(path, text);
        }
        if (how == ExampleMatcher.StringMatcher.STARTING && !ignoreCase) {
            return Where.startsWith(path, text);
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Where.matches(path, Pattern.compile(regex, flags));
    }
}

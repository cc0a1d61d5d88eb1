package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.domain.Range;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;

import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.query.Condition;
import io.filestore.query.Where;
import tools.jackson.databind.JsonNode;

/**
 * Turns a derived query's {@link PartTree} and its arguments into a FileStore condition. Every keyword
 * Spring Data KeyValue supports is supported, and {@code IsEmpty}/{@code IsNotEmpty}; {@code Near} and
 * {@code Within} are not, and {@link #check} refuses them when the repository is created.
 *
 * <p>{@code Like} takes SQL wildcards ({@code %}, {@code _}) and, without any, means contains;
 * {@code Regex} matches the whole value; {@code IgnoreCase} applies to text comparisons (equality,
 * like, containing, starting and ending with, in). An embedded object compares as a whole document
 * (equality, {@code In}, an element of a collection). {@code Between} excludes both bounds, as Spring
 * Data KeyValue and MongoDB do, unless its one argument is a {@link Range}, whose bounds say. {@code
 * IsEmpty} matches an empty text, collection, map or embedded object, and {@code IsNotEmpty} everything
 * else, null or missing values included, as MongoDB does.
 */
public final class PartTreeConditions {

    /** The keywords FileStore cannot answer. */
    public static final Set<Part.Type> UNSUPPORTED = EnumSet.of(Part.Type.NEAR, Part.Type.WITHIN);

    /** The keywords that apply only to properties whose values can be empty. */
    private static final Set<Part.Type> EMPTINESS = EnumSet.of(Part.Type.IS_EMPTY, Part.Type.IS_NOT_EMPTY);

    private final MappingFileStoreConverter converter;

    public PartTreeConditions(MappingFileStoreConverter converter) {
        this.converter = converter;
    }

    /** The stored path of a property path: each property's stored name ({@code @Field}), joined by dots. */
    public static String storedPath(PropertyPath path, MappingFileStoreConverter converter) {
        return converter.storedPath(path);
    }

    /**
     * Refuses a tree with a keyword FileStore does not support, naming the method and the keyword.
     *
     * @throws IllegalStateException when one is used
     */
    public static void check(PartTree tree, String method) {
        for (Part part : (Iterable<Part>) tree.getParts()::iterator) {
            if (UNSUPPORTED.contains(part.getType())) {
                Set<String> supported = EnumSet.complementOf(EnumSet.copyOf(UNSUPPORTED)).stream()
                        .flatMap(type -> type.getKeywords().stream()).collect(Collectors.toCollection(TreeSet::new));
                throw new IllegalStateException("Query method " + method + " uses the keyword " + part.getType().name()
                        + " (" + String.join("/", part.getType().getKeywords()) + ") on '" + part.getProperty().toDotPath() + "', which FileStore does not support; supported: "
                        + String.join(", ", supported));
            }
            if (EMPTINESS.contains(part.getType()) && !canBeEmpty(part.getProperty().getLeafProperty().getTypeInformation())) {
                throw new IllegalStateException("Query method " + method + " uses " + (part.getType() == Part.Type.IS_EMPTY ? "IsEmpty" : "IsNotEmpty")
                        + " on '" + part.getProperty().toDotPath() + "', a " + part.getProperty().getLeafType().getSimpleName()
                        + ", which is never empty; IsEmpty and IsNotEmpty apply to text, collections, maps and embedded objects");
            }
        }
    }

    /** Whether values of the type can be empty: text, collections, arrays, maps and embedded objects. */
    private static boolean canBeEmpty(TypeInformation<?> type) {
        Class<?> raw = type.getType();
        return CharSequence.class.isAssignableFrom(raw) || type.isCollectionLike() || type.isMap() || raw == Object.class
                || !FileStoreMappingContext.SIMPLE_TYPES.isSimpleType(raw);
    }

    /** The condition of the tree with these arguments; {@code null} when the tree has no criteria. */
    public Condition create(PartTree tree, Iterator<Object> arguments) {
        List<Condition> ors = new ArrayList<>();
        for (PartTree.OrPart or : tree) {
            List<Condition> ands = new ArrayList<>();
            for (Part part : or) {
                ands.add(condition(part, arguments));
            }
            ors.add(Where.and(ands.toArray(Condition[]::new)));
        }
        return ors.isEmpty() ? null : Where.or(ors.toArray(Condition[]::new));
    }

    private Condition condition(Part part, Iterator<Object> arguments) {
        String field = storedPath(part.getProperty(), converter);
        TypeInformation<?> type = part.getProperty().getLeafProperty().getTypeInformation();
        boolean ignoreCase = part.shouldIgnoreCase() != Part.IgnoreCaseType.NEVER;
        return switch (part.getType()) {
            case SIMPLE_PROPERTY -> equal(field, type, arguments.next(), ignoreCase);
            case NEGATING_SIMPLE_PROPERTY -> Where.not(equal(field, type, arguments.next(), ignoreCase));
            case TRUE -> Where.eq(field, true);
            case FALSE -> Where.eq(field, false);
            case IS_NULL -> Where.isNull(field);
            case IS_NOT_NULL, EXISTS -> Where.isNotNull(field);
            case IN -> in(field, type, arguments.next(), ignoreCase);
            case NOT_IN -> Where.not(in(field, type, arguments.next(), ignoreCase));
            case GREATER_THAN, AFTER -> Where.gt(field, value(type, arguments.next()));
            case GREATER_THAN_EQUAL -> Where.gte(field, value(type, arguments.next()));
            case LESS_THAN, BEFORE -> Where.lt(field, value(type, arguments.next()));
            case LESS_THAN_EQUAL -> Where.lte(field, value(type, arguments.next()));
            case BETWEEN -> between(field, type, arguments);
            case IS_EMPTY -> Where.isEmpty(field);
            case IS_NOT_EMPTY -> Where.not(Where.isEmpty(field));
            case STARTING_WITH -> ignoreCase ? regex(field, Pattern.quote(text(arguments.next())) + ".*", true)
                    : Where.startsWith(field, text(arguments.next()));
            case ENDING_WITH -> regex(field, ".*" + Pattern.quote(text(arguments.next())), ignoreCase);
            case CONTAINING -> containing(field, type, arguments.next(), ignoreCase);
            case NOT_CONTAINING -> Where.not(containing(field, type, arguments.next(), ignoreCase));
            case LIKE -> like(field, text(arguments.next()), ignoreCase);
            case NOT_LIKE -> Where.not(like(field, text(arguments.next()), ignoreCase));
            case REGEX -> regex(field, arguments.next(), ignoreCase);
            default -> throw new IllegalStateException("Keyword " + part.getType() + " is not supported");
        };
    }

    private Condition equal(String field, TypeInformation<?> type, Object argument, boolean ignoreCase) {
        if (argument == null) {
            return Where.isNull(field);
        }
        return ignoreCase && argument instanceof String text ? Where.equalsIgnoreCase(field, text)
                : Where.eq(field, value(type, argument));
    }

    private Condition in(String field, TypeInformation<?> type, Object argument, boolean ignoreCase) {
        Collection<?> values = argument instanceof Collection<?> collection ? collection
                : argument instanceof Object[] array ? Arrays.asList(array) : List.of(argument);
        if (ignoreCase) {
            return Where.or(values.stream().map(v -> equal(field, type, v, true)).toArray(Condition[]::new));
        }
        List<Object> stored = new ArrayList<>(values.size());
        values.forEach(v -> stored.add(v == null ? null : value(type, v)));
        return Where.in(field, stored);
    }

    private Condition containing(String field, TypeInformation<?> type, Object argument, boolean ignoreCase) {
        if (argument instanceof Collection<?> values && type.isCollectionLike()) {
            // as MongoDB does ($in): the collection holds any of the values
            return Where.or(values.stream().map(v -> containing(field, type, v, ignoreCase)).toArray(Condition[]::new));
        }
        if (argument instanceof String text && ignoreCase) {
            return regex(field, ".*" + Pattern.quote(text) + ".*", true);
        }
        JsonNode stored = value(type, argument);
        // an embedded object in a collection: equality matches an element as a whole document
        return stored.isObject() ? Where.eq(field, stored) : Where.contains(field, stored);
    }

    /**
     * Both bounds excluded, as Spring Data KeyValue and MongoDB have it; a {@link Range} argument (the
     * method's only one for this part) says for each bound whether it is included, or that it is open.
     */
    private Condition between(String field, TypeInformation<?> type, Iterator<Object> arguments) {
        Object first = arguments.next();
        if (!(first instanceof Range<?> range)) {
            return Where.range(field, value(type, first), false, value(type, arguments.next()), false);
        }
        Object low = range.getLowerBound().getValue().orElse(null);
        Object high = range.getUpperBound().getValue().orElse(null);
        if (low == null && high == null) {
            return Where.isNotNull(field);
        }
        return Where.range(field, low == null ? null : value(type, low), range.getLowerBound().isInclusive(),
                high == null ? null : value(type, high), range.getUpperBound().isInclusive());
    }

    private static Condition like(String field, String pattern, boolean ignoreCase) {
        if (pattern.indexOf('%') < 0 && pattern.indexOf('_') < 0) {
            return regex(field, ".*" + Pattern.quote(pattern) + ".*", ignoreCase);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex(field, regex.toString(), ignoreCase);
    }

    /** A {@link Pattern} argument keeps its flags ({@code IgnoreCase} adds case insensitivity); any other is a regex text. */
    private static Condition regex(String field, Object argument, boolean ignoreCase) {
        if (argument instanceof Pattern pattern) {
            return Where.matches(field, ignoreCase ? Pattern.compile(pattern.pattern(),
                    pattern.flags() | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : pattern);
        }
        return regex(field, text(argument), ignoreCase);
    }

    private static Condition regex(String field, String regex, boolean ignoreCase) {
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Where.matches(field, Pattern.compile(regex, flags));
    }

    /**
     * An argument as the property stores it: a whole embedded object as its document, an element of a
     * collection property as the collection stores its elements.
     */
    private JsonNode value(TypeInformation<?> type, @Nullable Object argument) {
        boolean whole = argument instanceof Collection<?> || argument != null && argument.getClass().isArray();
        return converter.toStoredValue(argument, whole || !type.isCollectionLike() ? type : type.getActualType());
    }

    private static String text(Object argument) {
        if (argument == null) {
            throw new InvalidDataAccessApiUsageException("A text comparison needs a value, not null");
        }
        return argument.toString();
    }
}

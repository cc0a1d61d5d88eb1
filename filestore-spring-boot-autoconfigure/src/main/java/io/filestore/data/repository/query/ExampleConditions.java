package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.support.ExampleMatcherAccessor;

import io.filestore.data.core.EntityMapper;
import io.filestore.query.Condition;
import io.filestore.query.Where;
import tools.jackson.databind.JsonNode;

/**
 * Turns a query-by-example probe into a condition: each non-null field of the probe (nested objects
 * field by field) becomes an equality, or the string match the matcher asks for; nulls count only with
 * {@link ExampleMatcher.NullHandling#INCLUDE}. Arrays in the probe are not matched.
 */
public final class ExampleConditions {

    private ExampleConditions() {
    }

    /** The condition, or {@code null} when the probe constrains nothing. */
    public static Condition of(Example<?> example, EntityMapper mapper) {
        ExampleMatcherAccessor accessor = new ExampleMatcherAccessor(example.getMatcher());
        List<Condition> conditions = new ArrayList<>();
        collect(mapper.toValue(example.getProbe()), "", accessor, example.getMatcher(), conditions);
        if (conditions.isEmpty()) {
            return null;
        }
        Condition[] all = conditions.toArray(Condition[]::new);
        return example.getMatcher().isAllMatching() ? Where.and(all) : Where.or(all);
    }

    private static void collect(JsonNode node, String prefix, ExampleMatcherAccessor accessor, ExampleMatcher matcher,
                                List<Condition> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix + field.getKey();
            if (accessor.isIgnoredPath(path)) {
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isObject()) {
                collect(value, path + ".", accessor, matcher, out);
            } else if (value.isNull()) {
                if (matcher.getNullHandler() == ExampleMatcher.NullHandler.INCLUDE) {
                    out.add(Where.isNull(path));
                }
            } else if (value.isString()) {
                Optional<Object> transformed = accessor.getValueTransformerForPath(path).apply(Optional.of(value.stringValue()));
                transformed.ifPresent(text -> out.add(text(path, String.valueOf(text), accessor)));
            } else if (!value.isArray()) {
                out.add(Where.eq(path, value));
            }
        }
    }

    private static Condition text(String path, String text, ExampleMatcherAccessor accessor) {
        boolean ignoreCase = accessor.isIgnoreCaseForPath(path);
        ExampleMatcher.StringMatcher how = accessor.getStringMatcherForPath(path);
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

package io.filestore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for collections in a shared store: every collection that is not {@code memory-only} is
 * {@link Strategy#SHARED shared}, and one declared with a local layout is refused, so that no
 * transaction spans the database and a local folder. Outside a shared store, {@code shared} is refused.
 */
final class SharedCollections {

    private static final List<String> ALLOWED = List.of(Strategy.SHARED.configName()
            + " (or file-per-record without a path, the default, which becomes shared)", Strategy.MEMORY_ONLY.configName());

    private SharedCollections() {
    }

    /** The declared collections as the store will use them. @throws InvalidOptionsException naming the collection */
    static Map<String, CollectionOptions> resolve(Map<String, CollectionOptions> declared, boolean sharedStore) {
        Map<String, CollectionOptions> resolved = new LinkedHashMap<>();
        declared.forEach((name, options) -> resolved.put(name, resolve(options, sharedStore)));
        return resolved;
    }

    private static CollectionOptions resolve(CollectionOptions options, boolean sharedStore) {
        String option = "collections." + options.name() + ".strategy";
        if (!sharedStore) {
            if (options.strategy() == Strategy.SHARED) {
                throw new InvalidOptionsException(option, Strategy.SHARED.configName(),
                        List.of("a local strategy (" + String.join(", ", localNames()) + "), or a shared store"
                                + " (FileStoreOptions.Builder.shared) for shared collections"));
            }
            return options;
        }
        return switch (options.strategy()) {
            case MEMORY_ONLY, SHARED -> options;
            case FILE_PER_RECORD -> {
                if (options.path() != null || options.persister() != null) {
                    throw new InvalidOptionsException(option, "file-per-record with "
                            + (options.path() != null ? "path " + options.path() : "a persister of its own")
                            + " in a shared store", ALLOWED);
                }
                yield new CollectionOptions(options.name(), Strategy.SHARED, null, options.indexed(), options.unique(),
                        false, null, false, null, null);
            }
            default -> throw new InvalidOptionsException(option, options.strategy().configName() + " in a shared store",
                    ALLOWED);
        };
    }

    private static List<String> localNames() {
        return Strategy.configNames().stream().filter(name -> !name.equals(Strategy.SHARED.configName())).toList();
    }
}

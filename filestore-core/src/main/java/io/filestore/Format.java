package io.filestore;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The file format of a {@link Strategy#SINGLE_FILE} collection. */
public enum Format {

    /** One JSON object mapping each id to its record. */
    JSON("json"),

    /** One record per line, each carrying its id as {@code "id"}. */
    JSONL("jsonl");

    private final String configName;

    Format(String configName) {
        this.configName = configName;
    }

    /** The name used in configuration files. */
    public String configName() {
        return configName;
    }

    /**
     * The format with this configuration name (case-insensitive).
     *
     * @throws InvalidOptionsException naming {@code option} and the allowed names when none matches
     */
    public static Format fromConfigName(String option, @Nullable String name) {
        String normalized = name == null ? "" : name.trim().toLowerCase();
        for (Format format : values()) {
            if (format.configName.equals(normalized)) {
                return format;
            }
        }
        throw new InvalidOptionsException(option, name, Arrays.stream(values()).map(Format::configName).toList());
    }

    /** Every configuration name. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(Format::configName).toList();
    }
}

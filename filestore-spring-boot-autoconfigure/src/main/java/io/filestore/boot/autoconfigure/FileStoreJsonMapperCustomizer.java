package io.filestore.boot.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

/**
 * Changes the Jackson mapper FileStore stores and reads records with, for example to add a Kotlin or
 * custom-type module. The builder starts from {@link io.filestore.FileStoreOptions#defaultJsonMapper()}, never
 * from the application's web {@code JsonMapper}: {@code spring.jackson.*} settings and Boot's
 * {@code JsonMapperBuilderCustomizer} beans are for the web layer and do not change the format on
 * disk. Every bean of this type is applied, in {@code @Order}. Not applied when the application
 * defines its own {@code FileStoreOptions} bean, or sets a mapper through a
 * {@link FileStoreOptionsBuilderCustomizer}.
 *
 * <p>What a customizer changes, it changes for the records already stored too: a naming strategy or a
 * changed date format makes existing files read differently.
 */
@FunctionalInterface
public interface FileStoreJsonMapperCustomizer {

    /** Changes the mapper's builder. */
    void customize(JsonMapper.Builder mapper);
}

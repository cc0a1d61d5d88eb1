package io.filestore.boot.autoconfigure;

import io.filestore.FileStoreOptions;

/**
 * Changes the store's options after the {@code filestore.*} properties are applied and before they
 * are validated, for what properties cannot say: an I/O layer, a Jackson mapper of your own, or a
 * store-level setting decided in code. Every bean of this type is applied, in {@code @Order}; the
 * properties it does not change are kept. Not applied when the application defines its own
 * {@link FileStoreOptions} bean.
 *
 * <p>To change one collection, use a {@link FileStoreCollectionCustomizer}: the builder refuses a
 * collection declared twice. To add Jackson modules, use a {@link FileStoreJsonMapperCustomizer}.
 */
@FunctionalInterface
public interface FileStoreOptionsBuilderCustomizer {

    /** Changes the options; they are validated once every customizer has run. */
    void customize(FileStoreOptions.Builder options);
}

package io.filestore.data.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;

/**
 * A real store on a test folder with the collections (and annotated indexes) of some entity classes,
 * and a repository factory over it, built without a Spring context: what the ported Spring Data tests
 * use in place of their map adapter or MongoDB server.
 */
final class ConformanceStore implements AutoCloseable {

    final FileStore store;
    final FileStoreTemplate template;
    final FileStoreRepositoryFactory factory;

    private ConformanceStore(FileStore store, FileStoreTemplate template) {
        this.store = store;
        this.template = template;
        this.factory = new FileStoreRepositoryFactory(template);
    }

    static ConformanceStore open(Path dir, Class<?>... entities) {
        List<Class<?>> types = List.of(entities);
        FileStoreMappingContext context = new FileStoreMappingContext();
        // a long interval: the tests read through the store, flushing in the background only adds noise
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, types, List.of()).forEach(options::collection);
        FileStore store = FileStore.open(options.build());
        return new ConformanceStore(store, new FileStoreTemplate(store, new MappingFileStoreConverter(context), types));
    }

    <R> R repository(Class<R> repositoryInterface) {
        return factory.getRepository(repositoryInterface);
    }

    @Override
    public void close() {
        store.close();
    }

	/** The entity information a repository of the type gets. */
	@SuppressWarnings("unchecked")
	<T> org.springframework.data.repository.core.EntityInformation<T, String> entityInformation(Class<T> type) {
		return new org.springframework.data.repository.core.support.PersistentEntityInformation<>(
				(io.filestore.data.mapping.FileStorePersistentEntity<T>) template.mappingContext().getRequiredPersistentEntity(type));
	}
}

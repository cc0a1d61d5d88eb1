package io.filestore.data.repository;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.core.support.DefaultRepositoryMetadata;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryMethod;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.query.PartTreeFileStoreQuery;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;

/** A store of {@link Person}s on a folder, with its template, factory and repository; no Spring context. */
final class PeopleStore implements AutoCloseable {

    final FileStore store;
    final FileStoreTemplate template;
    final FileStoreRepositoryFactory factory;
    final PersonRepository people;

    PeopleStore(Path dir) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        List<Class<?>> entities = List.of(Person.class);
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, entities, List.of()).forEach(options::collection);
        store = FileStore.open(options.build());
        template = new FileStoreTemplate(store, new MappingFileStoreConverter(context), entities);
        factory = new FileStoreRepositoryFactory(template);
        people = factory.getRepository(PersonRepository.class);
    }

    /** The derived query of a {@link PersonRepository} method, to explain how a call would run. */
    PartTreeFileStoreQuery query(String name, Class<?>... parameterTypes) {
        try {
            Method method = PersonRepository.class.getMethod(name, parameterTypes);
            return new PartTreeFileStoreQuery(new QueryMethod(method, new DefaultRepositoryMetadata(PersonRepository.class),
                    new SpelAwareProxyProjectionFactory(), DefaultParameters::new), template);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(name + Arrays.toString(parameterTypes), e);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

package io.filestore.data.mapping.event.sample;

import java.util.List;

import io.filestore.data.repository.FileStoreRepository;

public interface PersonRepository extends FileStoreRepository<Person, String> {
    List<Person> findByName(String name);
    void deleteByName(String name);
}

package io.filestore.data.mapping.event.sample;

import io.filestore.data.repository.FileStoreRepository;

public interface PetRepository extends FileStoreRepository<Pet, String> {
}

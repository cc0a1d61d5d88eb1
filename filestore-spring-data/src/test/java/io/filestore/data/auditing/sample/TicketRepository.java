package io.filestore.data.auditing.sample;

import io.filestore.data.repository.FileStoreRepository;

public interface TicketRepository extends FileStoreRepository<Ticket, Long> {
}

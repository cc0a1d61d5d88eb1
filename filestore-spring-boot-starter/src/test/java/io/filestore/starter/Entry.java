package io.filestore.starter;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;

@Document("entries")
public class Entry {
    @Id
    public String id;
    public String accountId;

    public Entry() {
    }

    public Entry(String accountId) {
        this.accountId = accountId;
    }
}

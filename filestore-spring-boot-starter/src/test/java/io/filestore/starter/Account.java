package io.filestore.starter;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;

@Document("accounts")
public class Account {
    @Id
    public String id;
    public String owner;

    public Account() {
    }

    public Account(String owner) {
        this.owner = owner;
    }
}

package io.filestore.boot.test.autoconfigure;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/** The entity of the slice tests. */
@Document("users")
public class User {
    @Id
    public String id;
    @Indexed(unique = true)
    public String email;
    public String username;

    public User() {
    }

    public User(String email, String username) {
        this.email = email;
        this.username = username;
    }
}

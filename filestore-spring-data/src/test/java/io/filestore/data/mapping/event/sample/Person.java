package io.filestore.data.mapping.event.sample;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

@Document("people")
public class Person {
    @Id
    public String id;
    @Indexed
    public String name;
    public String email;
    /** Not stored: set by callbacks in the tests. */
    @Transient
    public String note;

    public Person() {
    }

    public Person(String id, String name, String email) {
        this.id = id;
        this.name = name;
        this.email = email;
    }
}

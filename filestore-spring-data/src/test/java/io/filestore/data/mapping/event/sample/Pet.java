package io.filestore.data.mapping.event.sample;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.ManyToOne;

@Document("pets")
public class Pet {
    @Id
    public String id;
    public String name;
    @ManyToOne
    public Person owner;

    public Pet() {
    }

    public Pet(String id, String name, Person owner) {
        this.id = id;
        this.name = name;
        this.owner = owner;
    }
}

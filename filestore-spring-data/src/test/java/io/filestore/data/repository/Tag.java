package io.filestore.data.repository;

import java.util.List;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.ManyToMany;

@Document("tags")
public class Tag {
    @Id
    public String id;
    public String name;
    @ManyToMany(value = Post.class, mappedBy = "tagIds")
    public List<Post> posts;

    public Tag() {
    }

    public Tag(String id, String name) {
        this.id = id;
        this.name = name;
    }
}

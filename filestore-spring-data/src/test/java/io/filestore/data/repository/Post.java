package io.filestore.data.repository;

import java.util.List;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.ManyToMany;
import io.filestore.annotation.ManyToOne;

@Document("posts")
public class Post {
    @Id
    public String id;
    public String title;
    @ManyToOne
    public User author;
    @ManyToMany(Tag.class)
    public List<String> tagIds;

    public Post() {
    }

    public Post(String title, User author, List<String> tagIds) {
        this.title = title;
        this.author = author;
        this.tagIds = tagIds;
    }
}

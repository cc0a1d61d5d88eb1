package io.filestore.boot.autoconfigure.data.scan;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Indexed;

/** An entity outside the application's packages, found through {@code @EntityScan} only. */
@Document("notes")
public class Note {
    @Id
    public String id;
    @Indexed
    public String topic;
    public String text;
}

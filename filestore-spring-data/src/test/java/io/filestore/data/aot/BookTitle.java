package io.filestore.data.aot;

/** An interface projection: Spring Data answers with a JDK proxy implementing it. */
public interface BookTitle {
    String getTitle();
}

package io.filestore.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import io.filestore.data.auditing.EnableFileStoreAuditing;

/**
 * The FileStore sample: a REST API over users, orders, sessions and an audit log, stored by the
 * FileStore starter in {@code ./data} ({@code --filestore.data-dir} overrides), with a small page at
 * {@code /} and the Actuator at {@code /actuator}. The collections are described in
 * {@code application.yml}; the entities and repositories are plain Spring Data.
 */
@SpringBootApplication
@EnableFileStoreAuditing
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}

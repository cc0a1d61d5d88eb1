package io.filestore.sample;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.Strategy;

/**
 * Opens a FileStore in {@code ./data} (override with {@code --filestore.data-dir=...}), writes a few
 * users and orders in one transaction, looks them up through their indexes and prints the store status.
 * The store is declared as a plain bean here; the auto-configuration will replace this.
 */
@SpringBootApplication
public class SampleApplication {

    private static final Logger log = LoggerFactory.getLogger(SampleApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    FileStore fileStore(@Value("${filestore.data-dir:./data}") Path dataDir) {
        return FileStore.open(FileStoreOptions.builder(dataDir)
                .collection(CollectionOptions.builder("users").indexed("username").unique("email").build())
                .collection(CollectionOptions.builder("orders").indexed("userId", "status").build())
                .collection(CollectionOptions.builder("sessions").strategy(Strategy.MEMORY_ONLY).build())
                .build());
    }

    @Bean
    ApplicationRunner demo(FileStore store) {
        return args -> {
            DocumentCollection users = store.collection("users");
            DocumentCollection orders = store.collection("orders");
            String email = "user" + users.count() + "@example.com";
            store.runInTransaction(tx -> {
                String userId = users.add(new User(email, "user" + users.count(), "Sample User"));
                orders.add(new Order(userId, 42.5, "NEW"));
            });
            store.flush();
            String userId = users.findIds("email", email).get(0);
            log.info("Created {} as {}; its orders: {}", email, userId, orders.find("userId", userId));
            log.info("Store status: {}", store.status());
            log.info("Records are in {}", store.dataDir());
        };
    }

    record User(String email, String username, String name) {
    }

    record Order(String userId, double total, String status) {
    }
}

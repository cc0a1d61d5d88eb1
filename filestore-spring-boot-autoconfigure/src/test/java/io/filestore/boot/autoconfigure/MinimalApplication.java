package io.filestore.boot.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.filestore.FileStore;

/**
 * The smallest application that uses the starter's auto-configuration. Run as a child process by
 * {@link FileStoreApplicationIntegrationTests}: it writes an order, prints {@code READY} and waits to
 * be stopped by a signal.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MinimalApplication {

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(MinimalApplication.class, args);
        context.getBean(FileStore.class).collection("orders").put("o1", Map.of("status", "NEW"));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

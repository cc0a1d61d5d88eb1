package io.filestore.boot.test.autoconfigure.cached;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application of {@link CachedTestContextsIntegrationTests}: every auto-configuration, no components. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MinimalApplication {
}

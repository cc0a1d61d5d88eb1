package io.filestore.boot.autoconfigure.endpoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.MinimalApplication;
import io.filestore.boot.autoconfigure.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's write operations under Spring Security, over real HTTP, side by side with Boot's own
 * write endpoint {@code loggers}: they are secured exactly as it is, with Boot's default security and
 * with the chain Boot's documentation shows. Runs in its own failsafe execution, with Spring Security on
 * the class path.
 */
class FileStoreEndpointSecurityIntegrationTests {

    private static final String OPS = "ops:ops-password";
    private static final String VIEWER = "viewer:viewer-password";
    private static final String FLUSH = "/actuator/filestore/flush";
    private static final String LOGGER = "/actuator/loggers/io.filestore";
    private static final String DEBUG = "{\"configuredLevel\": \"DEBUG\"}";

    @TempDir
    Path dataDir;

    @Test
    void withBootsDefaultSecurityAnonymousIsRefusedAndAPostNeedsACsrfTokenAsForLoggers() throws Exception {
        try (ConfigurableApplicationContext context = run(MinimalApplication.class,
                "--spring.security.user.name=ops", "--spring.security.user.password=ops-password")) {
            FileStore store = context.getBean(FileStore.class);
            store.collection("orders").put("o1", Map.of("status", "NEW"));
            TestHttp http = new TestHttp(context);

            assertThat(http.get("/actuator/filestore", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/actuator/filestore", OPS).statusCode()).isEqualTo(200);
            int anonymousFlush = http.post(FLUSH, "{}", null).statusCode();
            int userFlush = http.post(FLUSH, "{}", OPS).statusCode();

            assertThat(anonymousFlush).isEqualTo(http.post(LOGGER, DEBUG, null).statusCode()).isIn(401, 403);
            assertThat(userFlush).as("the user's POST, without a CSRF token").isIn(401, 403)
                    .isEqualTo(http.post(LOGGER, DEBUG, OPS).statusCode());
            assertThat(store.status().dirtyRecords()).as("nothing flushed").containsEntry("orders", 1);
        }
    }

    @Test
    void withTheChainBootDocumentsTheWritesAnswerOnlyTheRoleItAsks() throws Exception {
        try (ConfigurableApplicationContext context = run(OperatorsOnly.class)) {
            FileStore store = context.getBean(FileStore.class);
            store.collection("orders").put("o1", Map.of("status", "NEW"));
            TestHttp http = new TestHttp(context);

            assertThat(http.post(FLUSH, "{}", null).statusCode()).isEqualTo(401)
                    .isEqualTo(http.post(LOGGER, DEBUG, null).statusCode());
            assertThat(http.post(FLUSH, "{}", VIEWER).statusCode()).isEqualTo(403)
                    .isEqualTo(http.post(LOGGER, DEBUG, VIEWER).statusCode());
            assertThat(store.status().dirtyRecords()).as("nothing flushed yet").containsEntry("orders", 1);

            assertThat(http.post(FLUSH, "{}", OPS).statusCode()).isEqualTo(200);
            assertThat(http.post(LOGGER, DEBUG, OPS).statusCode()).isEqualTo(204);
            assertThat(store.status().dirtyRecords().getOrDefault("orders", 0)).as("flushed").isZero();
        }
    }

    private ConfigurableApplicationContext run(Class<?> security, String... args) {
        SpringApplication application = new SpringApplication(MinimalApplication.class, security);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--filestore.data-dir=" + dataDir,
                "--filestore.flush-interval=1h", "--management.endpoints.web.exposure.include=health,filestore,loggers"));
        all.addAll(List.of(args));
        return application.run(all.toArray(String[]::new));
    }

    /**
     * Boot's documented chain for the Actuator (its reference guide, "Security" under Actuator): every
     * endpoint for one role over HTTP Basic, and CSRF off for the endpoints, which non-browser clients
     * (scripts, the filestore command-line tool) call.
     */
    @Configuration(proxyBeanMethods = false)
    static class OperatorsOnly {

        @Bean
        SecurityFilterChain actuator(HttpSecurity http) throws Exception {
            return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPS"))
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(EndpointRequest.toAnyEndpoint()))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("ops").password("{noop}ops-password").roles("OPS").build(),
                    User.withUsername("viewer").password("{noop}viewer-password").roles("VIEWER").build());
        }
    }
}

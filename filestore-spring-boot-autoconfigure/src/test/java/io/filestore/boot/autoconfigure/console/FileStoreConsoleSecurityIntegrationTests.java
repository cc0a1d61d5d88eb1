package io.filestore.boot.autoconfigure.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console on every network interface with Spring Security present: it starts only when Spring
 * Security itself says an anonymous user gets none of its requests, and then the chain decides who
 * reads it, over real HTTP. Runs in its own failsafe execution, with Spring Security on the class path.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileStoreConsoleSecurityIntegrationTests {

    private static final String OPS = "ops:ops-password";
    private static final String VIEWER = "viewer:viewer-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void aChainRequiringARoleForTheConsolePathLetsItStartAndGuardsIt() throws Exception {
        try (ConfigurableApplicationContext context = run(GuardedConsole.class)) {
            context.getBean(FileStore.class).collection("orders").put("o1", Map.of("status", "NEW"));
            TestHttp http = new TestHttp(context);

            assertThat(http.get("/filestore-console/", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/filestore-console/api/collections", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/filestore-console/api/collections", VIEWER).statusCode()).isEqualTo(403);

            assertThat(http.get("/filestore-console/", OPS).body()).contains("<title>FileStore console</title>");
            JsonNode collections = JSON.readTree(http.get("/filestore-console/api/collections", OPS).body());
            assertThat(collections.findValuesAsString("name")).contains("orders");
            assertThat(http.post("/filestore-console/api/collections/orders/query",
                    "{\"conditions\": [{\"field\": \"status\", \"op\": \"eq\", \"value\": \"NEW\"}]}", OPS).body())
                    .contains("\"o1\"");
        }
    }

    @Test
    void bootsDefaultSecurityAuthenticatesEveryRequestSoTheConsoleStartsGuarded() throws Exception {
        try (ConfigurableApplicationContext context = run(MinimalApplication.class,
                "--spring.security.user.name=ops", "--spring.security.user.password=ops-password")) {
            TestHttp http = new TestHttp(context);

            assertThat(http.get("/filestore-console/api/collections", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/filestore-console/api/collections", OPS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aChainThatPermitsAllIsRefusedWithTheReport(CapturedOutput output) {
        assertThatThrownBy(() -> run(PermitAll.class).close()).isInstanceOf(ConsoleExposedException.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("Spring Security lets an anonymous GET /filestore-console through")
                .contains("http.securityMatcher(\"/filestore-console/**\")")
                .contains("filestore.console.allow-remote=true");
    }

    @Test
    void aChainForOtherPathsOnlyDoesNotCountAsGuardingTheConsole() {
        assertThatThrownBy(() -> run(OtherPathsOnly.class).close())
                .isInstanceOf(ConsoleExposedException.class)
                .hasMessageContaining("anonymous GET /filestore-console through (no filter chain matches it)");
    }

    @Test
    void guardingThePageButNotItsApiIsRefusedNamingTheOpenRequest() {
        assertThatThrownBy(() -> run(PageOnly.class).close())
                .isInstanceOf(ConsoleExposedException.class)
                .hasMessageContaining("anonymous GET /filestore-console/api/status through (the chain that matches it permits it)");
    }

    @Test
    void allowRemoteStartsAnUnguardedConsoleAndSaysWhyItIsUnguarded(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = run(PermitAll.class, "--filestore.console.allow-remote=true")) {
            assertThat(new TestHttp(context).get("/filestore-console/api/collections", null).statusCode())
                    .isEqualTo(200);
        }
        assertThat(output).contains("WITHOUT security (filestore.console.allow-remote=true)")
                .contains("Spring Security lets an anonymous GET /filestore-console through");
    }

    @Test
    void underAContextPathTheCheckAsksAboutTheRequestsTheServerWillSee() throws Exception {
        try (ConfigurableApplicationContext context = run(GuardedConsole.class, "--server.servlet.context-path=/app")) {
            TestHttp http = new TestHttp(context);

            assertThat(http.get("/filestore-console/api/collections", null).statusCode()).isEqualTo(401);
            assertThat(http.get("/filestore-console/api/collections", OPS).statusCode()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext run(Class<?> security, String... args) {
        SpringApplication application = new SpringApplication(MinimalApplication.class, security);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--filestore.data-dir=" + dataDir,
                "--filestore.console.enabled=true"));
        all.addAll(List.of(args));
        return application.run(all.toArray(String[]::new));
    }

    /** An operator and a user without the operator's role. */
    @Configuration(proxyBeanMethods = false)
    static class Users {

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("ops").password("{noop}ops-password").roles("OPS").build(),
                    User.withUsername("viewer").password("{noop}viewer-password").roles("VIEWER").build());
        }
    }

    /** What the README recommends: the console's path for operators, its JSON calls exempt from CSRF. */
    @Configuration(proxyBeanMethods = false)
    static class GuardedConsole extends Users {

        @Bean
        SecurityFilterChain console(HttpSecurity http) throws Exception {
            return http.securityMatcher("/filestore-console/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPS"))
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.ignoringRequestMatchers("/filestore-console/api/**"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PermitAll extends Users {

        @Bean
        SecurityFilterChain everything(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    /** A chain exists, which the old check took as guarding the console, but it covers only /admin. */
    @Configuration(proxyBeanMethods = false)
    static class OtherPathsOnly extends Users {

        @Bean
        SecurityFilterChain admin(HttpSecurity http) throws Exception {
            return http.securityMatcher("/admin/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PageOnly extends Users {

        @Bean
        SecurityFilterChain page(HttpSecurity http) throws Exception {
            return http.securityMatcher("/filestore-console/**")
                    .authorizeHttpRequests(requests -> requests.requestMatchers("/filestore-console/api/**").permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults()).build();
        }
    }
}

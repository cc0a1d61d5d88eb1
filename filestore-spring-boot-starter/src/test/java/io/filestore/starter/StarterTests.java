package io.filestore.starter;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;
import org.springframework.data.web.config.SpringDataWebSettings;
import org.springframework.transaction.PlatformTransactionManager;

import io.filestore.data.transaction.FileStoreTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the starter alone gives an application, as Spring Boot's own data starters do: {@code @Transactional}
 * without {@code @EnableTransactionManagement}, and Spring Data's web support without
 * {@code @EnableSpringDataWebSupport}.
 */
class StarterTests {

    @TempDir
    Path dir;

    @Test
    void transactionalIsAllOrNothingWithTheStarterAlone() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
                .web(WebApplicationType.NONE).run("--filestore.data-dir=" + dir)) {
            Opening opening = context.getBean(Opening.class);
            assertThat(context.getBean(PlatformTransactionManager.class)).isInstanceOf(FileStoreTransactionManager.class);

            assertThatThrownBy(() -> opening.openAndFail("ada")).hasMessage("opening refused");

            assertThat(context.getBean(Accounts.class).count()).isZero();
            assertThat(context.getBean(Entries.class).count()).isZero();
            assertThat(opening.owners()).isEmpty();
        }
    }

    @Test
    void aWebApplicationGetsSpringDataWebSupportWithTheStarterAlone() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--filestore.data-dir=" + dir, "--server.port=0",
                        "--spring.data.web.pageable.serialization-mode=via-dto")) {
            assertThat(context.getBeanProvider(PageableHandlerMethodArgumentResolver.class).getIfAvailable()).isNotNull();
            assertThat(context.getBean(SpringDataWebSettings.class).pageSerializationMode())
                    .isEqualTo(PageSerializationMode.VIA_DTO);
        }
    }
}

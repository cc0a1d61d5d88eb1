package io.filestore.data.repository;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.data.FileStoreDataAutoConfiguration;
import io.filestore.data.repository.config.EnableFileStoreRepositories;

import static org.assertj.core.api.Assertions.assertThat;

/** A named query in the properties a Spring application points its repositories at fails the startup. */
class DeclaredQueriesIntegrationTests {

    @TempDir
    Path dir;

    interface NamedQueryRepository extends FileStoreRepository<Person, String> {
        List<Person> findByLastname(String lastname);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableFileStoreRepositories(basePackageClasses = NamedQueryRepository.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NamedQueryRepository.class),
            namedQueriesLocation = "classpath:io/filestore/data/repository/named-queries.properties")
    static class WithNamedQueries {
    }

    @Test
    void aNamedQueryFailsTheStartupNamingTheMethod() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FileStoreAutoConfiguration.class, FileStoreDataAutoConfiguration.class))
                .withUserConfiguration(WithNamedQueries.class)
                .withPropertyValues("filestore.data-dir=" + dir)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Query method NamedQueryRepository.findByLastname has the named query"
                                + " 'Person.findByLastname'; FileStore runs no query strings"));
    }
}

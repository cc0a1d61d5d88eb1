package io.filestore.boot.autoconfigure.console;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.filestore.FileStore;
import io.filestore.boot.autoconfigure.FileStoreAutoConfiguration;
import io.filestore.boot.autoconfigure.FileStoreProperties;

/**
 * Auto-configuration of the web console, shaped as Spring Boot's H2 console auto-configuration: only
 * with {@code filestore.console.enabled=true}, in a servlet web application with Spring MVC, at
 * {@code filestore.console.path}. Before anything is served, {@link ConsoleAccess} refuses a console that
 * other machines could reach with nothing guarding it, and startup fails with a report saying how to fix it.
 */
@AutoConfiguration(after = FileStoreAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SseEmitter.class)
@ConditionalOnBooleanProperty("filestore.console.enabled")
@ConditionalOnSingleCandidate(FileStore.class)
public final class FileStoreConsoleAutoConfiguration {

    @Bean
    ConsoleChangeFeed fileStoreConsoleChangeFeed(FileStore fileStore) {
        return new ConsoleChangeFeed(fileStore);
    }

    @Bean
    ConsoleController fileStoreConsoleController(FileStore fileStore, ConsoleChangeFeed fileStoreConsoleChangeFeed,
                                                 FileStoreProperties properties) {
        return new ConsoleController(fileStore, fileStoreConsoleChangeFeed, properties.getConsole().getPath());
    }

    /**
     * The access check, once every singleton exists: Spring Security's filter chains are built by then,
     * and the web server has not started taking connections (it starts after this, with the context's
     * lifecycle), so a refused console never serves a request.
     */
    @Bean
    SmartInitializingSingleton fileStoreConsoleAccessCheck(FileStoreProperties properties, Environment environment,
                                                           ApplicationContext context) {
        FileStoreProperties.Console console = properties.getConsole();
        return () -> ConsoleAccess.check(environment, context, console.isAllowRemote(), console.getPath());
    }
}

package io.filestore.data.aot;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.DecoratingProxy;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.test.tools.Compiled;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.data.domain.ManagedTypes;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.projection.TargetAware;
import org.springframework.data.repository.Repository;
import org.springframework.javapoet.ClassName;
import org.springframework.transaction.interceptor.TransactionalProxy;
import org.springframework.transaction.support.TransactionTemplate;

import io.filestore.data.repository.support.SimpleFileStoreRepository;
import io.filestore.data.transaction.FileStoreTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FileStore's Spring Data support processed ahead of time, as {@code spring-boot:process-aot} does to an
 * application, without Spring Boot: the generated code is compiled and the context it describes started
 * from it, and the hints it registered are those a native image needs.
 */
class FileStoreAotIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void repositoriesWorkInAContextStartedFromTheGeneratedCodeWithTheEntitiesListedAtBuildTime() {
        TestGenerationContext generated = new TestGenerationContext(AotApplication.class);
        ClassName initializer = processAheadOfTime(generated);

        TestCompiler.forSystem().with(generated).compile(compiled -> {
            AotApplication.ENTITY_LISTINGS.set(0);
            try (GenericApplicationContext context = new GenericApplicationContext()) {
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("test", Map.of("filestore.data-dir", dir.toString())));
                initializer(compiled, initializer).initialize(context);
                context.refresh();

                assertThat(context.getBean(ManagedTypes.class).toList()).containsExactly(Book.class);
                assertThat(AotApplication.ENTITY_LISTINGS).as("the entity classes come from the generated code").hasValue(0);

                BookRepository books = context.getBean(BookRepository.class);
                Book dune = books.save(new Book("Dune", "Herbert"));
                books.save(new Book("Emma", "Austen"));
                books.save(new Book("Persuasion", "Austen"));
                assertThat(books.findById(dune.id)).hasValueSatisfying(book -> assertThat(book.title).isEqualTo("Dune"));
                assertThat(books.findByAuthor("Austen")).extracting(book -> book.title)
                        .containsExactlyInAnyOrder("Emma", "Persuasion");
                assertThat(books.findTitlesByAuthor("Herbert")).extracting(BookTitle::getTitle).containsExactly("Dune");
                assertThat(books.findAll(PageRequest.of(0, 2, Sort.by("title"))))
                        .extracting(book -> book.title).containsExactly("Dune", "Emma");

                TransactionTemplate transaction = new TransactionTemplate(context.getBean(FileStoreTransactionManager.class));
                transaction.executeWithoutResult(status -> {
                    books.save(new Book("Sanditon", "Austen"));
                    status.setRollbackOnly();
                });
                assertThat(books.findByAuthor("Austen")).hasSize(2);
            }
        });
    }

    @Test
    void theGeneratedHintsCoverTheEntityTheRepositoryProxyAndTheBaseClass() {
        TestGenerationContext generated = new TestGenerationContext(AotApplication.class);
        processAheadOfTime(generated);
        RuntimeHints hints = generated.getRuntimeHints();

        assertThat(RuntimeHintsPredicates.reflection().onType(Book.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(SimpleFileStoreRepository.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(BookRepository.class, Repository.class,
                TransactionalProxy.class, Advised.class, DecoratingProxy.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(BookTitle.class, TargetAware.class,
                SpringProxy.class, DecoratingProxy.class)).accepts(hints);
    }

    @SuppressWarnings("unchecked")
    private static ApplicationContextInitializer<GenericApplicationContext> initializer(Compiled compiled, ClassName name) {
        return compiled.getInstance(ApplicationContextInitializer.class, name.reflectionName());
    }

    private static ClassName processAheadOfTime(TestGenerationContext generated) {
        try (AnnotationConfigApplicationContext application = new AnnotationConfigApplicationContext()) {
            application.register(AotApplication.class);
            ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(application, generated);
            generated.writeGeneratedContent();
            return initializer;
        }
    }
}

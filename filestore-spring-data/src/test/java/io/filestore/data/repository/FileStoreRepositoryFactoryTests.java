package io.filestore.data.repository;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.projection.SpelAwareProxyProjectionFactory;
import org.springframework.data.repository.core.support.DefaultRepositoryMetadata;
import org.springframework.data.repository.query.DefaultParameters;
import org.springframework.data.repository.query.QueryMethod;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.ReferentialIntegrityException;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.core.FileStoreExceptionTranslator;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.query.PartTreeFileStoreQuery;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;
import io.filestore.query.Plan;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository contract through the factory alone: no Spring context. */
class FileStoreRepositoryFactoryTests {

    static final List<Class<?>> ENTITIES = List.of(User.class, Order.class, Post.class, Tag.class);

    @TempDir
    Path dir;

    FileStore store;
    FileStoreTemplate template;
    UserRepository users;
    OrderRepository orders;
    PostRepository posts;
    TagRepository tags;

    @BeforeEach
    void open() {
        FileStoreMappingContext context = new FileStoreMappingContext();
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, ENTITIES, List.of()).forEach(options::collection);
        store = FileStore.open(options.build());
        template = new FileStoreTemplate(store, new MappingFileStoreConverter(context), ENTITIES);
        AuditingHandler auditing = AuditingHandler.from(context);
        template.setAuditingHandler(auditing);
        FileStoreRepositoryFactory factory = new FileStoreRepositoryFactory(template);
        users = factory.getRepository(UserRepository.class);
        orders = factory.getRepository(OrderRepository.class);
        posts = factory.getRepository(PostRepository.class);
        tags = factory.getRepository(TagRepository.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        close();
        open();
    }

    @Test
    void savedEntitiesGetAnIdAVersionAndAuditDatesAndSurviveAReopen() {
        User saved = users.save(new User("ada@x.io", "ada"));
        assertThat(saved.id).isNotBlank();
        assertThat(saved.version).isZero();
        assertThat(saved.createdAt).isNotNull().isEqualTo(saved.updatedAt);

        saved.nickname = "Countess";
        User updated = users.save(saved);
        assertThat(updated.version).isEqualTo(1);
        reopen();

        User loaded = users.findById(saved.id).orElseThrow();
        assertThat(loaded.nickname).isEqualTo("Countess");
        assertThat(loaded.version).isEqualTo(1);
        assertThat(loaded.createdAt).isEqualTo(saved.createdAt);
        assertThat(users.findByEmail("ada@x.io")).map(u -> u.id).contains(saved.id);
        assertThat(dir.resolve("users/indices/email.jsonl")).exists();
        assertThat(dir.resolve("users/indices/username.jsonl")).exists();
        assertThat(dir.resolve("orders/indices/userId.jsonl")).exists();
    }

    @Test
    void aStaleVersionIsAnOptimisticLockingFailureAndChangesNothing() {
        User saved = users.save(new User("ada@x.io", "ada"));
        User first = users.findById(saved.id).orElseThrow();
        User second = users.findById(saved.id).orElseThrow();
        first.nickname = "first";
        users.save(first);
        second.nickname = "second";
        assertThatThrownBy(() -> users.save(second)).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("version 0").hasMessageContaining("has version 1");
        assertThat(users.findById(saved.id).orElseThrow().nickname).isEqualTo("first");
        assertThatThrownBy(() -> users.delete(second)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aDuplicateUniqueValueIsADuplicateKeyException() {
        users.save(new User("ada@x.io", "ada"));
        assertThatThrownBy(() -> users.save(new User("ada@x.io", "other"))).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("users.email");
        assertThat(users.count()).isEqualTo(1);
    }

    @Test
    void saveAllIsAllOrNothing() {
        assertThatThrownBy(() -> users.saveAll(List.of(new User("a@x.io", "a"), new User("a@x.io", "b"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(users.count()).isZero();
    }

    @Test
    void referencesAreStoredAsIdsAndResolvedThroughTheRelationshipAcrossARestart() {
        User ada = users.save(new User("ada@x.io", "ada"));
        orders.save(new Order(ada.id, new BigDecimal("12.50"), "paid"));
        orders.save(new Order(ada.id, new BigDecimal("3.00"), "open"));
        reopen();

        User loaded = users.findById(ada.id).orElseThrow();
        assertThat(loaded.orders).extracting(o -> o.total).containsExactlyInAnyOrder(new BigDecimal("12.50"),
                new BigDecimal("3.00"));
        ObjectNode userDocument = store.collection("users").get(ada.id).orElseThrow();
        assertThat(userDocument.has("orders")).isFalse();
        assertThat(userDocument.get("id").stringValue()).isEqualTo(ada.id);
        assertThat(store.collection("orders").get(loaded.orders.get(0).id).orElseThrow().propertyNames())
                .containsExactlyInAnyOrder("id", "userId", "total", "status");

        users.delete(loaded); // cascade, as Order.userId declares
        assertThat(orders.count()).isZero();
    }

    @Test
    void entityTypedReferencesAndManyToManyLinksRoundTripAcrossARestart() {
        User ada = users.save(new User("ada@x.io", "ada"));
        tags.save(new Tag("java", "Java"));
        tags.save(new Tag("db", "Databases"));
        Post post = posts.save(new Post("Hello", ada, List.of("java", "db")));
        posts.save(new Post("Other", null, List.of("db")));
        assertThatThrownBy(() -> posts.save(new Post("Orphan", new User("x@x.io", "x"), List.of())))
                .hasMessageContaining("has no id yet; save it first");
        reopen();

        ObjectNode document = store.collection("posts").get(post.id).orElseThrow();
        assertThat(document.get("author").stringValue()).isEqualTo(ada.id); // the id, never a copy
        Post loaded = posts.findById(post.id).orElseThrow();
        assertThat(loaded.author.email).isEqualTo("ada@x.io");
        assertThat(loaded.author.orders).isNull(); // one level deep
        assertThat(tags.findById("db").orElseThrow().posts).extracting(p -> p.title).containsExactlyInAnyOrder("Hello", "Other");
        assertThat(tags.findById("java").orElseThrow().posts).extracting(p -> p.title).containsExactly("Hello");
        assertThat(posts.findByTagIdsContaining("java")).extracting(p -> p.id).containsExactly(post.id);
        assertThat(store.collection("tags").get("db").orElseThrow().has("posts")).isFalse();
    }

    @Test
    void findByEmailIsAnIndexLookupAndNeverAScan() throws Exception {
        QueryMethod method = new QueryMethod(UserRepository.class.getMethod("findByEmail", String.class),
                new DefaultRepositoryMetadata(UserRepository.class), new SpelAwareProxyProjectionFactory(), DefaultParameters::new);
        Plan plan = new PartTreeFileStoreQuery(method, template).explain("ada@x.io");
        assertThat(plan.access()).isEqualTo(Plan.Access.INDEX_LOOKUP);

        QueryMethod range = new QueryMethod(UserRepository.class.getMethod("findByAgeBetween", int.class, int.class),
                new DefaultRepositoryMetadata(UserRepository.class), new SpelAwareProxyProjectionFactory(), DefaultParameters::new);
        assertThat(new PartTreeFileStoreQuery(range, template).explain(20, 30).access()).isEqualTo(Plan.Access.INDEX_RANGE);
    }

    @Test
    void anUnsupportedKeywordFailsWhenTheRepositoryIsCreated() {
        FileStoreRepositoryFactory factory = new FileStoreRepositoryFactory(template);
        assertThatThrownBy(() -> factory.getRepository(BadRepository.class))
                .hasStackTraceContaining("uses the keyword NEAR (IsNear/Near) on 'age', which FileStore does not support");
    }

    interface BadRepository extends FileStoreRepository<User, String> {
        List<User> findByAgeNear(Object point);
    }

    @Test
    void derivedProjectionsCountExistAndDelete() {
        users.save(new User("a@x.io", "ann"));
        users.save(new User("b@x.io", "ann"));
        users.save(new User("c@x.io", "bob"));
        assertThat(users.countByUsername("ann")).isEqualTo(2);
        assertThat(users.existsByEmail("c@x.io")).isTrue();
        users.deleteByEmail("c@x.io");
        assertThat(users.existsByEmail("c@x.io")).isFalse();
        assertThat(users.deleteByUsername("ann")).isEqualTo(2);
        assertThat(users.count()).isZero();
    }

    @Test
    void pagesSortsAndExamples() {
        for (int i = 0; i < 25; i++) {
            User user = new User("u" + i + "@x.io", i % 2 == 0 ? "even" + i : "odd" + i);
            user.age = i;
            users.save(user);
        }
        Page<User> page = users.findAll(PageRequest.of(1, 10, Sort.by(Sort.Direction.DESC, "age")));
        assertThat(page.getTotalElements()).isEqualTo(25);
        assertThat(page.getContent()).extracting(u -> u.age).containsExactly(14, 13, 12, 11, 10, 9, 8, 7, 6, 5);

        Page<User> after = users.findByCreatedAtAfter(Instant.EPOCH, PageRequest.of(2, 10));
        assertThat(after.getContent()).hasSize(5);
        assertThat(users.findByUsernameStartingWith("even", Sort.by("age"))).hasSize(13);

        User probe = new User(null, "EVEN");
        probe.active = false;
        ExampleMatcher matcher = ExampleMatcher.matching().withIgnorePaths("active")
                .withMatcher("username", m -> m.startsWith().ignoreCase());
        assertThat(users.findAll(Example.of(probe, matcher))).hasSize(13);
        assertThat(users.count(Example.of(probe, matcher))).isEqualTo(13);
        Optional<User> first = users.findBy(Example.of(probe, matcher), q -> q.sortBy(Sort.by("age")).first());
        assertThat(first).map(u -> u.age).contains(0);
    }

    @Test
    void deletingAUserWithOrdersUnderARefusingPolicyIsADataIntegrityViolation() {
        // Order.userId cascades; a refusing policy is checked in the store's own tests, and translated here
        assertThat(new FileStoreExceptionTranslator().translate(
                new ReferentialIntegrityException("r", "users", "u1", "orders", "userId", List.of("o1"))))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    static boolean exists(Path file) {
        return Files.exists(file);
    }
}

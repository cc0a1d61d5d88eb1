package io.filestore.data.repository;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.data.convert.MappingFileStoreConverter;
import io.filestore.data.core.EntityCollections;
import io.filestore.data.core.FileStoreTemplate;
import io.filestore.data.mapping.FileStoreMappingContext;
import io.filestore.data.repository.support.FileStoreRepositoryFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Every derived-query keyword against a plain Java filter over all users, on random data, through a reopen. */
class DerivedQueryPropertyTests {

    private static final String[] NAMES = {"ann", "bob", "cid", "dee"};
    private static final String[] NICKNAMES = {"Ace", "ace", "Bee", "x_y", "Ace of spades", "bumble bee"};
    private static final String[] TAGS = {"red", "green", "blue"};

    @TempDir
    Path dir;

    @Test
    void everyKeywordReturnsWhatABruteForceFilterReturns() {
        Random random = new Random(5);
        Instant middle;
        try (FileStore store = open()) {
            UserRepository users = repository(store);
            for (int i = 0; i < 120; i++) {
                users.save(randomUser(random, i));
            }
            middle = users.findAll().get(60).createdAt;
            for (int round = 0; round < 3; round++) {
                checkAll(users, random, middle);
                for (int i = 0; i < 40; i++) {
                    List<User> all = users.findAll();
                    User victim = all.get(random.nextInt(all.size()));
                    if (random.nextBoolean()) {
                        users.delete(victim);
                    } else {
                        User changed = randomUser(random, 1000 + round * 100 + i);
                        changed.id = victim.id;
                        changed.version = victim.version;
                        changed.email = victim.email;
                        users.save(changed);
                    }
                }
            }
        }
        try (FileStore store = open()) {
            checkAll(repository(store), random, middle);
        }
    }

    private void checkAll(UserRepository users, Random random, Instant middle) {
        List<User> all = users.findAll();
        for (int trial = 0; trial < 10; trial++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            String other = NAMES[random.nextInt(NAMES.length)];
            String nick = NICKNAMES[random.nextInt(NICKNAMES.length)];
            int age = random.nextInt(30);
            int age2 = age + random.nextInt(10);
            String tag = TAGS[random.nextInt(TAGS.length)];

            same(users.findByUsername(name), all, u -> name.equals(u.username));
            same(users.findByUsernameNot(name), all, u -> !name.equals(u.username));
            same(users.findByUsernameIn(List.of(name, other)), all, u -> name.equals(u.username) || other.equals(u.username));
            same(users.findByUsernameNotIn(List.of(name, other)), all, u -> !name.equals(u.username) && !other.equals(u.username));
            same(users.findByNicknameIsNull(), all, u -> u.nickname == null);
            same(users.findByNicknameIsNotNull(), all, u -> u.nickname != null);
            same(users.findByActiveTrue(), all, u -> u.active);
            same(users.findByActiveFalse(), all, u -> !u.active);
            same(users.findByNicknameLike("%ce%"), all, u -> u.nickname != null && u.nickname.contains("ce"));
            same(users.findByNicknameLike("x_y"), all, u -> u.nickname != null && u.nickname.matches("x.y"));
            same(users.findByNicknameNotLike("A%"), all, u -> u.nickname == null || !u.nickname.startsWith("A"));
            same(users.findByNicknameContaining("ee"), all, u -> u.nickname != null && u.nickname.contains("ee"));
            same(users.findByNicknameNotContaining("ee"), all, u -> u.nickname == null || !u.nickname.contains("ee"));
            same(users.findByTagsContaining(tag), all, u -> u.tags != null && u.tags.contains(tag));
            same(users.findByNicknameEndingWith("ee"), all, u -> u.nickname != null && u.nickname.endsWith("ee"));
            same(users.findByAgeGreaterThan(age), all, u -> u.age != null && u.age > age);
            same(users.findByAgeGreaterThanEqual(age), all, u -> u.age != null && u.age >= age);
            same(users.findByAgeLessThan(age), all, u -> u.age != null && u.age < age);
            same(users.findByAgeLessThanEqual(age), all, u -> u.age != null && u.age <= age);
            same(users.findByAgeBetween(age, age2), all, u -> u.age != null && u.age > age && u.age < age2); // bounds excluded
            same(users.findByCreatedAtBefore(middle), all, u -> u.createdAt.isBefore(middle));
            assertThat(users.findByCreatedAtAfter(middle, PageRequest.of(0, 1000)).getContent()).extracting(u -> u.id)
                    .containsExactlyInAnyOrderElementsOf(ids(all, u -> u.createdAt.isAfter(middle)));
            same(users.findByNicknameIgnoreCase(nick), all, u -> nick.equalsIgnoreCase(u.nickname));
            same(users.findByNicknameStartingWithIgnoreCase("a"), all,
                    u -> u.nickname != null && u.nickname.toLowerCase().startsWith("a"));
            same(users.findByNicknameRegex("[AB].*e"), all, u -> u.nickname != null && Pattern.matches("[AB].*e", u.nickname));
            same(users.findByUsernameAndAgeGreaterThan(name, age), all,
                    u -> name.equals(u.username) && u.age != null && u.age > age);
            same(users.findByUsernameOrAgeLessThan(name, age), all,
                    u -> name.equals(u.username) || (u.age != null && u.age < age));
            same(users.findByAddressCity("Oslo"), all, u -> u.address != null && "Oslo".equals(u.address.city));
            same(users.findDistinctByUsername(name), all, u -> name.equals(u.username));
            try (var stream = users.streamByAgeLessThan(age)) {
                same(stream.toList(), all, u -> u.age != null && u.age < age);
            }

            assertThat(ids(users.findByAgeGreaterThanOrderByAgeDescIdAsc(age))).containsExactlyElementsOf(
                    sorted(all, u -> u.age != null && u.age > age,
                            Comparator.<User, Integer>comparing(u -> u.age).reversed().thenComparing(u -> u.id)));
            assertThat(ids(users.findTop3ByActiveTrueOrderByAgeAsc())).containsExactlyElementsOf(
                    sorted(all, u -> u.active, Comparator.comparing((User u) -> u.age, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(u -> u.id)).stream().limit(3).toList());
            assertThat(users.findFirstByOrderByAgeDesc()).map(u -> u.id).contains(sorted(all, u -> true,
                    Comparator.comparing((User u) -> u.age, Comparator.nullsLast(Comparator.<Integer>naturalOrder()).reversed())
                            .thenComparing(u -> u.id)).get(0));
            assertThat(users.countByUsername(name)).isEqualTo(ids(all, u -> name.equals(u.username)).size());
            assertThat(ids(users.findByUsernameStartingWith("b", Sort.by("age", "id"))))
                    .containsExactlyElementsOf(sorted(all, u -> u.username.startsWith("b"),
                            Comparator.comparing((User u) -> u.age, Comparator.nullsLast(Comparator.naturalOrder()))
                                    .thenComparing(u -> u.id)));
            var slice = users.findByActive(true, PageRequest.of(0, 5, Sort.by("id")));
            assertThat(ids(slice.getContent())).containsExactlyElementsOf(
                    sorted(all, u -> u.active, Comparator.comparing(u -> u.id)).stream().limit(5).toList());
            assertThat(slice.hasNext()).isEqualTo(ids(all, u -> u.active).size() > 5);
        }
    }

    private static void same(List<User> found, List<User> all, Predicate<User> filter) {
        assertThat(ids(found)).containsExactlyInAnyOrderElementsOf(ids(all, filter));
    }

    private static List<String> ids(List<User> users) {
        return users.stream().map(u -> u.id).toList();
    }

    private static List<String> ids(List<User> users, Predicate<User> filter) {
        return users.stream().filter(filter).map(u -> u.id).toList();
    }

    private static List<String> sorted(List<User> users, Predicate<User> filter, Comparator<User> order) {
        return users.stream().filter(filter).sorted(order).map(u -> u.id).toList();
    }

    private static User randomUser(Random random, int i) {
        User user = new User("user" + i + "@x.io", NAMES[random.nextInt(NAMES.length)]);
        user.nickname = random.nextInt(5) == 0 ? null : NICKNAMES[random.nextInt(NICKNAMES.length)];
        user.age = random.nextInt(6) == 0 ? null : random.nextInt(40);
        user.active = random.nextBoolean();
        user.tags = random.nextInt(4) == 0 ? null : new ArrayList<>(List.of(TAGS).subList(0, random.nextInt(TAGS.length + 1)));
        user.address = random.nextBoolean() ? new User.Address(random.nextBoolean() ? "Oslo" : "Lima") : null;
        return user;
    }

    private FileStore open() {
        FileStoreMappingContext context = new FileStoreMappingContext();
        FileStoreOptions.Builder options = FileStoreOptions.builder(dir).flushInterval(Duration.ofHours(1));
        EntityCollections.merge(context, FileStoreRepositoryFactoryTests.ENTITIES, List.of()).forEach(options::collection);
        return FileStore.open(options.build());
    }

    private static UserRepository repository(FileStore store) {
        FileStoreMappingContext context = new FileStoreMappingContext();
        FileStoreTemplate template = new FileStoreTemplate(store, new MappingFileStoreConverter(context),
                FileStoreRepositoryFactoryTests.ENTITIES);
        template.setAuditingHandler(AuditingHandler.from(context));
        return new FileStoreRepositoryFactory(template).getRepository(UserRepository.class);
    }

}

package io.filestore.data.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

public interface UserRepository extends FileStoreRepository<User, String> {
    Optional<User> findByEmail(String email);
    List<User> findByUsernameStartingWith(String prefix, Sort sort);
    Page<User> findByCreatedAtAfter(Instant t, Pageable p);
    long countByUsername(String u);
    boolean existsByEmail(String e);
    void deleteByEmail(String e);

    List<User> findByUsername(String username);
    List<User> findByUsernameNot(String username);
    List<User> findByUsernameIn(Collection<String> usernames);
    List<User> findByUsernameNotIn(Collection<String> usernames);
    List<User> findByNicknameIsNull();
    List<User> findByNicknameIsNotNull();
    List<User> findByActiveTrue();
    List<User> findByActiveFalse();
    List<User> findByNicknameLike(String pattern);
    List<User> findByNicknameNotLike(String pattern);
    List<User> findByNicknameContaining(String text);
    List<User> findByNicknameNotContaining(String text);
    List<User> findByTagsContaining(String tag);
    List<User> findByNicknameEndingWith(String suffix);
    List<User> findByAgeGreaterThan(int age);
    List<User> findByAgeGreaterThanEqual(int age);
    List<User> findByAgeLessThan(int age);
    List<User> findByAgeLessThanEqual(int age);
    List<User> findByAgeBetween(int from, int to);
    List<User> findByCreatedAtBefore(Instant t);
    List<User> findByNicknameIgnoreCase(String nickname);
    List<User> findByNicknameStartingWithIgnoreCase(String prefix);
    List<User> findByNicknameRegex(String regex);
    List<User> findByUsernameAndAgeGreaterThan(String username, int age);
    List<User> findByUsernameOrAgeLessThan(String username, int age);
    List<User> findByAgeGreaterThanOrderByAgeDescIdAsc(int age);
    List<User> findTop3ByActiveTrueOrderByAgeAsc();
    Optional<User> findFirstByOrderByAgeDesc();
    List<User> findDistinctByUsername(String username);
    List<User> findByAddressCity(String city);
    Slice<User> findByActive(boolean active, Pageable pageable);
    Stream<User> streamByAgeLessThan(int age);
    long deleteByUsername(String username);
}

package io.filestore.boot.test.autoconfigure;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An application component: out of a slice unless its filters include it. */
@Service
public class UserService {

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    /** Saves both or neither (the second fails on the unique email when it repeats the first's). */
    @Transactional
    public void saveBoth(User first, User second) {
        users.save(first);
        users.save(second);
    }
}

package io.filestore.starter;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens an account with its first entry, in one transaction. */
@Service
public class Opening {

    private final Accounts accounts;
    private final Entries entries;

    Opening(Accounts accounts, Entries entries) {
        this.accounts = accounts;
        this.entries = entries;
    }

    @Transactional
    public void openAndFail(String owner) {
        Account account = accounts.save(new Account(owner));
        entries.save(new Entry(account.id));
        throw new IllegalStateException("opening refused");
    }

    @Transactional(readOnly = true)
    public List<String> owners() {
        return accounts.findAll().stream().map(account -> account.owner).toList();
    }
}

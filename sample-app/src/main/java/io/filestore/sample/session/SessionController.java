package io.filestore.sample.session;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.filestore.sample.user.Users;

/** {@code /api/sessions}: sessions of existing users, gone after their TTL (404 from then on). */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final SessionRepository sessions;
    private final Users users;

    SessionController(SessionRepository sessions, Users users) {
        this.sessions = sessions;
        this.users = users;
    }

    @PostMapping
    @Transactional
    public ResponseEntity<Session> create(@Valid @RequestBody SessionRequest request) {
        users.requireExisting(request.userId());
        return ResponseEntity.status(HttpStatus.CREATED).body(sessions.save(new Session(request.userId())));
    }

    @GetMapping("/{id}")
    Session get(@PathVariable String id) {
        return sessions.findById(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session with id '" + id + "' (or it expired)"));
    }
}

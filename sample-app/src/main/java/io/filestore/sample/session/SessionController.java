package io.filestore.sample.session;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
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
import io.filestore.sample.web.StorableId;

import static org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequestUri;

/** {@code /api/sessions}: sessions of existing users, listed while they live, gone after their TTL (404 from then on). */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final SessionRepository sessions;
    private final Users users;

    SessionController(SessionRepository sessions, Users users) {
        this.sessions = sessions;
        this.users = users;
    }

    /** 201 with the session and its address in {@code Location}, if the user exists. */
    @PostMapping
    @Transactional
    public ResponseEntity<Session> create(@Valid @RequestBody SessionRequest request) {
        users.requireExisting(request.userId());
        Session session = sessions.save(new Session(request.userId()));
        return ResponseEntity.created(fromCurrentRequestUri().path("/{id}").buildAndExpand(session.getId()).toUri())
                .body(session);
    }

    /** The sessions that have not expired, newest first (memory-only: this reads no file). */
    @GetMapping
    List<Session> live() {
        return sessions.findAll(Sort.by(Sort.Direction.DESC, "createdAt"));
    }

    @GetMapping("/{id}")
    Session get(@PathVariable @StorableId String id) {
        return sessions.findById(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No session with id '" + id + "' (or it expired)"));
    }
}

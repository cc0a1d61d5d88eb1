package io.filestore.sample.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/users} and {@code PUT /api/users/{id}}.
 *
 * @param version the version the client read; required on update, where a stale one is refused
 */
public record UserRequest(@NotBlank @Email String email, @NotBlank @Size(max = 100) String username,
                          @Size(max = 200) String name, Long version) {
}

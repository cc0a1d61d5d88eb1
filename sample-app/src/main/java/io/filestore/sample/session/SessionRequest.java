package io.filestore.sample.session;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/sessions}. */
public record SessionRequest(@NotBlank String userId) {
}

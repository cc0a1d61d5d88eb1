package io.filestore.sample.order;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/orders}. */
public record OrderRequest(@NotBlank String userId, @NotNull @DecimalMin("0") BigDecimal total,
                           @NotBlank @Size(max = 50) String status) {
}

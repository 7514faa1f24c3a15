package org.pilotline.erp.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record PasswordChange(@NotNull @Size(max = 200) String newPassword) {
}

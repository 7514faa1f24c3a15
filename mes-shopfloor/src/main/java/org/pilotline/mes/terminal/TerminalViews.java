package org.pilotline.mes.terminal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What the terminal use cases take and return. */
public final class TerminalViews {

    private TerminalViews() {
    }

    public record TerminalRequest(@NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
                                  @NotBlank @Size(max = 100) String name, @NotNull Long workCenterId) {
    }

    @Schema(description = "A terminal; token is only present in the answer to its registration")
    public record TerminalView(long id, String code, String name, long workCenterId, String tokenHint,
                               Instant registeredAt, String registeredBy, Instant revokedAt, long lastSequence,
                               Instant lastSeenAt, String operator, String token) {

        static TerminalView of(Terminal t, String token) {
            return new TerminalView(t.id, t.code, t.name, t.workCenterId, t.tokenHint, t.registeredAt, t.registeredBy,
                    t.revokedAt, t.lastSequence, t.lastSeenAt, t.operatorName, token);
        }
    }

    public record BadgeRequest(@NotBlank @Size(max = 32) String badgeNumber,
                               @NotBlank @Pattern(regexp = "[0-9]{4,8}", message = "must be 4 to 8 digits") String pin) {
    }

    public record BadgeView(long userId, String username, String badgeNumber) {
    }

    /** An operator of the enterprise and their badge number (null: no badge yet); never the PIN. */
    public record OperatorBadgeView(long userId, String username, String displayName, boolean enabled,
                                    String badgeNumber) {
    }

    public record SignInRequest(@NotBlank @Size(max = 32) String badgeNumber, @NotBlank @Size(max = 8) String pin) {
    }

    @Schema(description = "The terminal as it sees itself: its work center and who is signed in")
    public record TerminalSessionView(long terminalId, String terminalCode, long workCenterId, String operator,
                                      long lastSequence) {
    }
}

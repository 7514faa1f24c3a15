package org.pilotline.mes.reason;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What the reason-tree use cases take and return. */
public final class ReasonViews {

    private ReasonViews() {
    }

    public record ReasonRequest(Long parentId, @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+") String code,
                                @NotNull ReasonPurpose purpose, boolean planned,
                                @NotBlank @Size(max = 100) String nameZh, @NotBlank @Size(max = 100) String nameEn,
                                Boolean active, Long version) {
    }

    public record ReasonNode(long id, Long parentId, String code, ReasonPurpose purpose, boolean planned, String nameZh,
                             String nameEn, boolean active, long version, List<ReasonNode> children) {
    }
}

package org.pilotline.kpi.programme;

import java.util.Set;

/** A research project's life: proposed, then active, then completed; cancelled from proposed or active. */
public enum ProjectStatus {
    PROPOSED, ACTIVE, COMPLETED, CANCELLED;

    /** The states a project may move to from this one. */
    public Set<ProjectStatus> allowedTargets() {
        return switch (this) {
            case PROPOSED -> Set.of(ACTIVE, CANCELLED);
            case ACTIVE -> Set.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> Set.of();
        };
    }
}

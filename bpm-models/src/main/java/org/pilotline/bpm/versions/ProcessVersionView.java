package org.pilotline.bpm.versions;

import java.time.Instant;

/**
 * One version of a process model in an enterprise: {@code source} {@code TEMPLATE} (the suite's shared model) or
 * {@code ENTERPRISE} (its own); {@code current} is the version new instances start with; the instance counts come from
 * the engine's history, so as-is and to-be versions can be compared side by side.
 */
public record ProcessVersionView(String key, int version, String definitionId, String name, String source,
                                 Instant deployedAt, boolean current, long instances, long active, long completed) {
}

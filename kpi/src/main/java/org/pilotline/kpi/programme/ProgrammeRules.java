package org.pilotline.kpi.programme;

import org.pilotline.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The programme's checks, in plain Java: dates in order, known CMMM domains and levels, allowed project moves. */
public final class ProgrammeRules {

    private ProgrammeRules() {
    }

    /** A period's end may not come before its start. */
    public static Optional<FieldError> periodProblem(String toField, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            return Optional.of(new FieldError(toField, "must not be before the start " + from));
        }
        return Optional.empty();
    }

    /** A rating of a CMMM domain, as the client sent it. */
    public record Rating(String domain, Integer level) {
    }

    /** Every domain known, none twice, each level 1-5 (GB/T 39116 has five levels). */
    public static List<FieldError> cmmmProblems(List<Rating> ratings) {
        List<FieldError> problems = new ArrayList<>();
        if (ratings == null || ratings.isEmpty()) {
            problems.add(new FieldError("levels", "rate at least one capability domain"));
            return problems;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ratings.size(); i++) {
            Rating rating = ratings.get(i);
            String path = "levels[" + i + "]";
            if (rating == null) {
                problems.add(new FieldError(path, "must not be null"));
                continue;
            }
            if (rating.domain() == null || domain(rating.domain()).isEmpty()) {
                problems.add(new FieldError(path + ".domain", "is not a CMMM capability domain (one of "
                        + List.of(CmmmDomain.values()) + ")"));
            } else if (!seen.add(rating.domain())) {
                problems.add(new FieldError(path + ".domain", "is rated twice"));
            }
            if (rating.level() == null || rating.level() < CmmmDomain.LOWEST_LEVEL
                    || rating.level() > CmmmDomain.HIGHEST_LEVEL) {
                problems.add(new FieldError(path + ".level", "must be a level from 1 to 5"));
            }
        }
        return problems;
    }

    public static Optional<CmmmDomain> domain(String name) {
        for (CmmmDomain d : CmmmDomain.values()) {
            if (d.name().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Whether a project may move from one status to another (a stay is no move). */
    public static boolean mayMove(ProjectStatus from, ProjectStatus to) {
        return from.allowedTargets().contains(to);
    }
}

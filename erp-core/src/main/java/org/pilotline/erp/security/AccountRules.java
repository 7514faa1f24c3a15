package org.pilotline.erp.security;

import org.pilotline.platform.security.Role;

import org.pilotline.platform.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which combinations of enterprise, roles and assignments make a sensible account, and who may create or change
 * which account. Plain Java: the callers turn the returned field errors into a refusal.
 */
public final class AccountRules {

    public static final int MIN_PASSWORD_LENGTH = 8;

    private AccountRules() {
    }

    /** What is wrong with an account of these roles in this enterprise with these assignments. */
    public static List<FieldError> shapeProblems(Optional<String> enterprise, Set<Role> roles, Set<String> assigned) {
        List<FieldError> problems = new ArrayList<>();
        if (roles.isEmpty()) {
            problems.add(new FieldError("roles", "must name at least one role"));
            return problems;
        }
        boolean bureau = roles.contains(Role.BUREAU);
        boolean expert = roles.contains(Role.EXPERT);
        if ((bureau || expert) && roles.size() > 1) {
            problems.add(new FieldError("roles", "bureau and expert cannot be combined with other roles"));
        }
        if ((bureau || expert) && enterprise.isPresent()) {
            problems.add(new FieldError("enterprise", "a " + (bureau ? "bureau" : "expert")
                    + " user belongs to no enterprise"));
        }
        boolean platformAdmin = enterprise.isEmpty() && roles.equals(Set.of(Role.ADMIN));
        if (!bureau && !expert && enterprise.isEmpty() && !platformAdmin) {
            problems.add(new FieldError("enterprise", "enterprise roles need an enterprise"));
        }
        if (!expert && !assigned.isEmpty()) {
            problems.add(new FieldError("assignedEnterprises", "only an expert is assigned to enterprises"));
        }
        return problems;
    }

    /** What is wrong with a new password, or empty. */
    public static Optional<FieldError> passwordProblem(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of(new FieldError("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of(new FieldError("password", "must differ from the user name"));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code actor} may manage an account of {@code targetEnterprise}: the platform administrator manages all
     * accounts; an enterprise administrator only the accounts of its own enterprise.
     */
    public static boolean mayManage(Optional<String> actorEnterprise, boolean actorIsAdmin, Optional<String> targetEnterprise) {
        if (!actorIsAdmin) {
            return false;
        }
        return actorEnterprise.isEmpty() || actorEnterprise.equals(targetEnterprise);
    }
}

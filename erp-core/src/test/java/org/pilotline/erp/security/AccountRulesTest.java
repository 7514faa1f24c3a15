package org.pilotline.erp.security;

import org.pilotline.platform.security.Role;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountRulesTest {

    @Test
    void enterpriseRolesNeedAnEnterprise() {
        assertEquals("enterprise", AccountRules.shapeProblems(Optional.empty(), Set.of(Role.PLANNER), Set.of()).get(0).field());
        assertTrue(AccountRules.shapeProblems(Optional.of("demo"), Set.of(Role.PLANNER, Role.QUALITY), Set.of()).isEmpty());
    }

    @Test
    void theBureauBelongsToNoEnterpriseAndHoldsNoOtherRole() {
        assertTrue(AccountRules.shapeProblems(Optional.empty(), Set.of(Role.BUREAU), Set.of()).isEmpty());
        assertFalse(AccountRules.shapeProblems(Optional.of("demo"), Set.of(Role.BUREAU), Set.of()).isEmpty());
        assertFalse(AccountRules.shapeProblems(Optional.empty(), Set.of(Role.BUREAU, Role.ADMIN), Set.of()).isEmpty());
    }

    @Test
    void onlyExpertsAreAssignedToEnterprises() {
        assertTrue(AccountRules.shapeProblems(Optional.empty(), Set.of(Role.EXPERT), Set.of("demo")).isEmpty());
        assertEquals("assignedEnterprises",
                AccountRules.shapeProblems(Optional.of("demo"), Set.of(Role.PLANNER), Set.of("demo2")).get(0).field());
    }

    @Test
    void anAdministratorWithoutEnterpriseIsThePlatformAdministrator() {
        assertTrue(AccountRules.shapeProblems(Optional.empty(), Set.of(Role.ADMIN), Set.of()).isEmpty());
        assertTrue(AccountRules.mayManage(Optional.empty(), true, Optional.of("demo2")));
        assertTrue(AccountRules.mayManage(Optional.of("demo"), true, Optional.of("demo")));
        assertFalse(AccountRules.mayManage(Optional.of("demo"), true, Optional.of("demo2")));
        assertFalse(AccountRules.mayManage(Optional.of("demo"), true, Optional.empty()));
        assertFalse(AccountRules.mayManage(Optional.of("demo"), false, Optional.of("demo")));
    }

    @Test
    void shortPasswordsAndTheUserNameAreRefused() {
        assertTrue(AccountRules.passwordProblem("ann", "short").isPresent());
        assertTrue(AccountRules.passwordProblem("annabelle", "ANNABELLE").isPresent());
        assertTrue(AccountRules.passwordProblem("ann", "correct horse").isEmpty());
    }
}

package org.pilotline.kpi.programme;

import org.junit.jupiter.api.Test;
import org.pilotline.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgrammeRulesTest {

    @Test
    void everyDomainOfTheCatalogueMayBeRatedFromOneToFive() {
        List<ProgrammeRules.Rating> all = Arrays.stream(CmmmDomain.values())
                .map(d -> new ProgrammeRules.Rating(d.name(), d.ordinal() % 5 + 1)).toList();
        assertEquals(List.of(), ProgrammeRules.cmmmProblems(all));
    }

    @Test
    void anUnknownDomainARepeatedDomainAndALevelOutsideOneToFiveAreNamedByTheirPath() {
        List<FieldError> problems = ProgrammeRules.cmmmProblems(List.of(
                new ProgrammeRules.Rating("PRODUCTION", 0),
                new ProgrammeRules.Rating("ROBOTS", 3),
                new ProgrammeRules.Rating("PRODUCTION", 6)));
        assertEquals(List.of("levels[0].level", "levels[1].domain", "levels[2].domain", "levels[2].level"),
                problems.stream().map(FieldError::field).toList());
        assertEquals(List.of("levels"), ProgrammeRules.cmmmProblems(List.of()).stream().map(FieldError::field).toList());
    }

    @Test
    void aProjectMovesOnlyForwardAndNeverLeavesAnEnd() {
        assertTrue(ProgrammeRules.mayMove(ProjectStatus.PROPOSED, ProjectStatus.ACTIVE));
        assertTrue(ProgrammeRules.mayMove(ProjectStatus.ACTIVE, ProjectStatus.COMPLETED));
        assertTrue(ProgrammeRules.mayMove(ProjectStatus.PROPOSED, ProjectStatus.CANCELLED));
        assertFalse(ProgrammeRules.mayMove(ProjectStatus.PROPOSED, ProjectStatus.COMPLETED));
        assertFalse(ProgrammeRules.mayMove(ProjectStatus.ACTIVE, ProjectStatus.ACTIVE));
        for (ProjectStatus to : ProjectStatus.values()) {
            assertFalse(ProgrammeRules.mayMove(ProjectStatus.COMPLETED, to));
            assertFalse(ProgrammeRules.mayMove(ProjectStatus.CANCELLED, to));
        }
    }

    @Test
    void aPeriodMayEndOnItsFirstDayButNotBefore() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertTrue(ProgrammeRules.periodProblem("validTo", day, day).isEmpty());
        assertTrue(ProgrammeRules.periodProblem("validTo", day, null).isEmpty());
        assertEquals("validTo", ProgrammeRules.periodProblem("validTo", day, day.minusDays(1)).orElseThrow().field());
    }
}

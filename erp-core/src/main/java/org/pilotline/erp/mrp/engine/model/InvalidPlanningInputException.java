package org.pilotline.erp.mrp.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/** The planning input cannot be planned (unknown items, BOM or recipe cycles, inconsistent lot sizes…). */
public final class InvalidPlanningInputException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InvalidPlanningInputException(List<InputProblem> problems) {
        super(problems.stream().limit(20).map(InputProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }

    /** The BOM/recipe cycles found, each as item codes with the first repeated at the end. */
    public List<List<String>> cycles() {
        return problems.stream().filter(problem -> problem.kind().equals("bom-cycle")).map(InputProblem::itemCodes).toList();
    }
}

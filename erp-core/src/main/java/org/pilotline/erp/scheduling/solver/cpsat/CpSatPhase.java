package org.pilotline.erp.scheduling.solver.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;

import java.util.function.Consumer;

/**
 * One CP-SAT solve of the scheduling model for one {@link CpSatGoal}: build, hint, search with the given budget,
 * report each improving solution, and stop on request.
 */
public final class CpSatPhase {

    static {
        Loader.loadNativeLibraries();
    }

    /** Loads OR-Tools' native library now (it otherwise loads with the first phase); idempotent. */
    public static void loadNativeLibraries() {
        Loader.loadNativeLibraries();
    }

    /** A solution found during the search, with its objective and the bound at that moment. */
    public record Improvement(Solution solution, long objective, long bound) {
    }

    private final SchedulingCpModel model;
    private final CpSolver solver = new CpSolver();

    /** How big the model of {@code index} would be (see {@link SchedulingCpModel#estimatedSize}). */
    public static long estimatedModelSize(ProblemIndex index, long horizon) {
        return SchedulingCpModel.estimatedSize(index, horizon);
    }

    /** @param makespanLowerBound a proven lower bound of the makespan, at most {@code horizon} */
    public CpSatPhase(ProblemIndex index, long horizon, CpSatGoal goal, long makespanLowerBound) {
        this.model = new SchedulingCpModel(index, horizon, goal, makespanLowerBound);
    }

    public void hint(Solution solution) {
        model.hint(solution);
    }

    private volatile boolean stopRequested;

    /** Asks the search to stop (or not to start); safe from any thread. */
    public void stop() {
        stopRequested = true;
        solver.stopSearch();
    }

    public PhaseResult solve(SearchBudget budget, Consumer<Improvement> onImprovement) {
        SearchParameters.apply(solver.getParameters(), budget);
        Solution[] best = new Solution[1];
        if (stopRequested) {
            return new PhaseResult(PhaseResult.Outcome.UNKNOWN, null, 0, 0, 0);
        }
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                if (stopRequested) {
                    // A stop requested while CP-SAT was still loading the model did not reach the search.
                    stopSearch();
                }
                Solution found = model.read(this::value, this::booleanValue);
                best[0] = found;
                onImprovement.accept(new Improvement(found, Math.round(objectiveValue()),
                        (long) Math.ceil(bestObjectiveBound() - 1e-6)));
            }
        };
        CpSolverStatus status = solver.solve(model.model(), callback);
        PhaseResult.Outcome outcome = switch (status) {
            case OPTIMAL -> PhaseResult.Outcome.OPTIMAL;
            case FEASIBLE -> PhaseResult.Outcome.FEASIBLE;
            case INFEASIBLE -> PhaseResult.Outcome.INFEASIBLE;
            case UNKNOWN -> PhaseResult.Outcome.UNKNOWN;
            default -> throw new IllegalStateException("CP-SAT refused the scheduling model: " + status + " "
                    + model.model().validate());
        };
        if (best[0] == null && (outcome == PhaseResult.Outcome.OPTIMAL || outcome == PhaseResult.Outcome.FEASIBLE)) {
            best[0] = model.read(solver::value, solver::booleanValue);
        }
        long bound = (long) Math.ceil(solver.bestObjectiveBound() - 1e-6);
        return new PhaseResult(outcome, best[0], bound, solver.response().getDeterministicTime(), solver.wallTime());
    }
}

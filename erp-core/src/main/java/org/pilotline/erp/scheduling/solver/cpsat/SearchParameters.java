package org.pilotline.erp.scheduling.solver.cpsat;

import com.google.ortools.sat.SatParameters;

/** The CP-SAT parameters for a {@link SearchBudget}; the reasons for each choice are in docs/benchmarks/scheduling.md. */
final class SearchParameters {

    private SearchParameters() {
    }

    static void apply(SatParameters.Builder parameters, SearchBudget budget) {
        parameters.setNumWorkers(budget.workers());
        parameters.setRandomSeed((int) (budget.seed() ^ (budget.seed() >>> 32)));
        parameters.setMaxTimeInSeconds(budget.wallSeconds());
        if (Double.isFinite(budget.deterministicSeconds())) {
            parameters.setMaxDeterministicTime(budget.deterministicSeconds());
        }
        if (budget.interleaved()) {
            parameters.setInterleaveSearch(true);
        }
        parameters.setLogSearchProgress(Boolean.getBoolean("pilotline.scheduling.log-search"));
    }
}

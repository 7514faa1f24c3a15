package org.pilotline.erp.scheduling.solver.cpsat;

import com.google.ortools.sat.SatParameters;
import com.google.protobuf.TextFormat;

/** The CP-SAT parameters for a {@link SearchBudget}; the reasons for each choice are in docs/benchmarks/scheduling.md. */
final class SearchParameters {

    /** Extra CP-SAT parameters in text-proto form, applied last; for experiments and tuning, not for production. */
    static final String OVERRIDES_PROPERTY = "pilotline.scheduling.sat-parameters";

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
        if (budget.improveOnly()) {
            // With a complete starting schedule, every worker improves it by large neighbourhood search: on job
            // shops with two workers this beat the default portfolio (one full search, one thread for all LNS).
            parameters.setUseLnsOnly(true);
        }
        parameters.setLogSearchProgress(Boolean.getBoolean("pilotline.scheduling.log-search"));
        String overrides = System.getProperty(OVERRIDES_PROPERTY, "");
        if (!overrides.isBlank()) {
            try {
                TextFormat.merge(overrides, parameters);
            } catch (TextFormat.ParseException e) {
                throw new IllegalArgumentException(OVERRIDES_PROPERTY + " is not a SatParameters text proto", e);
            }
        }
    }
}

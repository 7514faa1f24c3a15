package org.pilotline.erp.scheduling.solver;

import java.time.Duration;
import java.util.Objects;

/**
 * How to solve.
 *
 * @param objective       what to minimise
 * @param timeLimit       how long to search (see {@link Reproducibility} for what it means in reproducible mode)
 * @param seed            the random seed of the search; same seed and input give the same schedule when reproducible
 * @param threads         CP-SAT workers (the machine's cores; 2 on the reference machine)
 * @param reproducibility whether results must be repeatable
 */
public record SolverSettings(Objective objective, Duration timeLimit, long seed, int threads,
                             Reproducibility reproducibility) {

    public SolverSettings {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(reproducibility, "reproducibility");
        if (timeLimit.isNegative() || threads < 1) {
            throw new IllegalArgumentException("the time limit must not be negative and there must be a thread");
        }
    }

    /** Reproducible, seed 0, two threads, ten seconds. */
    public static SolverSettings of(Objective objective) {
        return new SolverSettings(objective, Duration.ofSeconds(10), 0, 2, Reproducibility.REPRODUCIBLE);
    }

    public SolverSettings withTimeLimit(Duration limit) {
        return new SolverSettings(objective, limit, seed, threads, reproducibility);
    }

    public SolverSettings withSeed(long newSeed) {
        return new SolverSettings(objective, timeLimit, newSeed, threads, reproducibility);
    }

    public SolverSettings withThreads(int newThreads) {
        return new SolverSettings(objective, timeLimit, seed, newThreads, reproducibility);
    }

    public SolverSettings with(Reproducibility newReproducibility) {
        return new SolverSettings(objective, timeLimit, seed, threads, newReproducibility);
    }
}

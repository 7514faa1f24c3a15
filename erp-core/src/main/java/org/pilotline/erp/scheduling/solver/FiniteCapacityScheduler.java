package org.pilotline.erp.scheduling.solver;

import org.pilotline.erp.scheduling.solver.cpsat.CpSatGoal;
import org.pilotline.erp.scheduling.solver.cpsat.CpSatPhase;
import org.pilotline.erp.scheduling.solver.cpsat.PhaseResult;
import org.pilotline.erp.scheduling.solver.cpsat.SearchBudget;
import org.pilotline.erp.scheduling.solver.heuristic.CriticalPathSearch;
import org.pilotline.erp.scheduling.solver.heuristic.DispatchHeuristic;
import org.pilotline.erp.scheduling.solver.heuristic.DispatchRule;
import org.pilotline.erp.scheduling.solver.heuristic.JobShopTabuSearch;
import org.pilotline.erp.scheduling.solver.heuristic.ParallelTabuSearch;
import org.pilotline.erp.scheduling.solver.bound.JobShopProof;
import org.pilotline.erp.scheduling.solver.bound.MakespanLowerBound;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.SemiActiveDecoder;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.SchedulingProblem;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleMetrics;
import org.pilotline.erp.scheduling.solver.schedule.ScheduleVerifier;
import org.pilotline.erp.scheduling.solver.schedule.Violation;
import org.pilotline.erp.scheduling.solver.validation.InputProblem;
import org.pilotline.erp.scheduling.solver.validation.ProblemValidator;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Solves a {@link SchedulingProblem}: validates it, builds a first schedule with the {@link DispatchHeuristic}, then
 * improves it with CP-SAT (hinted with that schedule) within the time limit, shifts the result left to the earliest
 * times its sequences allow, and verifies it with the {@link ScheduleVerifier} before returning it.
 *
 * <p>Stateless and thread-safe; each call solves independently. A service runs it on a worker thread, passes a
 * {@link ProgressListener} to publish the best schedule so far, and a {@link Cancellation} to stop it.
 */
public final class FiniteCapacityScheduler {

    /**
     * CP-SAT deterministic time per CPU-second of its large neighbourhood search, measured on the reference 2-core
     * machine (docs/benchmarks/scheduling.md): about 0.17–0.23 on job shops (fixed machines) and 0.05–0.09 on flexible
     * job shops, far below the "about one second" the parameter documentation suggests. Times the number of threads,
     * it converts a time limit into a reproducible budget that takes roughly that long when each thread has a core.
     */
    static final double DETERMINISTIC_SECONDS_PER_CPU_SECOND = Double.parseDouble(
            System.getProperty("pilotline.scheduling.deterministic-seconds-per-cpu-second", "0.2"));
    static final double DETERMINISTIC_SECONDS_PER_CPU_SECOND_WITH_ALTERNATIVES = Double.parseDouble(
            System.getProperty("pilotline.scheduling.deterministic-seconds-per-cpu-second-with-alternatives", "0.07"));
    /** In reproducible mode the wall clock stops the search only after this multiple of the time limit (plus 5 s). */
    static final double SAFETY_NET_FACTOR = 3.0;
    /** When free-running, no further dispatch rule is tried once this share of the time limit has passed. */
    static final double DISPATCH_SHARE = 0.25;
    /** Share of the time limit for the critical-path tabu search before CP-SAT (makespan objectives). */
    static final double LOCAL_SEARCH_SHARE = 0.4;
    /** Share of the time limit for proving the best makespan optimal (classic job shops), before CP-SAT. */
    static final double PROOF_SHARE = 0.3;
    /**
     * The proof's share for problems of at most {@link #SMALL_PROOF_OPERATIONS} operations (ft10, la01–la20): their
     * proofs take seconds (ft10 2–3 s of wall clock on the loaded reference machine, more than 30 % of a 10 s limit in
     * one run of five), and the CP-SAT phase after it, large neighbourhood search only, proves nothing.
     */
    static final double SMALL_PROOF_SHARE = 0.55;
    static final int SMALL_PROOF_OPERATIONS = 100;
    /**
     * Nodes (decisions and shaving probes) the job-shop proof searches per second on the reference machine without
     * other load: converts its share of the time limit into a reproducible amount of work. ft10 takes about 38,000.
     */
    static final double PROOF_NODES_PER_SECOND = Double.parseDouble(
            System.getProperty("pilotline.scheduling.proof-nodes-per-second", "20000"));
    /**
     * Operations the tabu search decodes per second on the reference machine without other load; converts its share
     * of the time limit into a reproducible amount of work.
     */
    static final double LOCAL_SEARCH_WORK_PER_SECOND = Double.parseDouble(
            System.getProperty("pilotline.scheduling.local-search-work-per-second", "30e6"));
    /**
     * Model elements (see {@code CpSatPhase.estimatedModelSize}) CP-SAT can build, load and search meaningfully per
     * second of the time limit on the reference machine; a larger model is not built and the heuristic schedules stand.
     * Measured: 5,000 operations with changeovers on every machine (about 2 million circuit arcs) took 80 s to build
     * and load; a plain 5,000-operation flexible job shop (about 15,000 elements) about 2.5 s.
     */
    static final long MODEL_ELEMENTS_PER_SECOND = 10_000;
    /** Share of the budget for the tardiness phase of {@link Objective#TARDINESS_THEN_MAKESPAN}. */
    static final double TARDINESS_PHASE_SHARE = 0.6;

    public SolveResult solve(SchedulingProblem problem, SolverSettings settings) {
        return solve(problem, settings, ProgressListener.NONE, new Cancellation());
    }

    public SolveResult solve(SchedulingProblem problem, SolverSettings settings, ProgressListener listener,
                             Cancellation cancellation) {
        long startedAt = System.nanoTime();
        List<InputProblem> inputProblems = ProblemValidator.validate(problem);
        if (!inputProblems.isEmpty()) {
            return SolveResult.invalid(inputProblems, since(startedAt));
        }
        Run run = new Run(new ProblemIndex(problem), settings, listener, cancellation, startedAt);
        return run.execute();
    }

    private static Duration since(long startedAt) {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** One solve's state: the best solution so far and how it was reached. */
    private static final class Run {
        private final ProblemIndex index;
        private final SolverSettings settings;
        private final ProgressListener listener;
        private final Cancellation cancellation;
        private final long startedAt;
        private Solution best;
        /** A proven lower bound of the makespan: the simple one, raised by the one-machine relaxations and proofs. */
        private long lowerBound;
        private Duration firstScheduleAfter;
        private boolean reproducible;
        private boolean constraintSolverSkipped;

        Run(ProblemIndex index, SolverSettings settings, ProgressListener listener, Cancellation cancellation,
            long startedAt) {
            this.index = index;
            this.settings = settings;
            this.listener = listener;
            this.cancellation = cancellation;
            this.startedAt = startedAt;
            this.reproducible = settings.reproducibility() == Reproducibility.REPRODUCIBLE;
            this.lowerBound = index.makespanLowerBound();
        }

        SolveResult execute() {
            // Each rule's schedule is published as soon as it is ready, so the first one is available after one pass.
            DispatchHeuristic dispatch = new DispatchHeuristic(index);
            for (DispatchRule rule : rulesFor(settings.objective())) {
                Solution heuristic = dispatch.schedule(rule);
                if (heuristic != null) {
                    improve(heuristic, "dispatch", primaryObjective(heuristic), 0);
                    requireValid(heuristic, "the dispatch heuristic");
                }
                boolean runningOutOfTime = !reproducible
                        && elapsedSeconds() > settings.timeLimit().toMillis() / 1000.0 * DISPATCH_SHARE;
                if (cancellation.isCancelled() || runningOutOfTime) {
                    break;
                }
            }
            if (cancellation.isCancelled()) {
                return result(best == null ? SolveStatus.NO_SCHEDULE_FOUND : SolveStatus.FEASIBLE, 0);
            }
            double budget = settings.timeLimit().toMillis() / 1000.0;
            return switch (settings.objective()) {
                case MAKESPAN -> {
                    if (best != null) {
                        lowerBound = MakespanLowerBound.of(index, lowerBound, best.makespan());
                    }
                    // When CP-SAT's model would not fit the limit anyway, the tabu search gets all of it.
                    boolean modelFits = best == null || CpSatPhase.estimatedModelSize(index, best.makespan())
                            <= MODEL_ELEMENTS_PER_SECOND * Math.max(budget * (1 - LOCAL_SEARCH_SHARE), 1);
                    double share = modelFits ? LOCAL_SEARCH_SHARE : 1.0;
                    double searched = searchLocally(null, budget * share, budget * share);
                    double proofShare = index.operationCount() <= SMALL_PROOF_OPERATIONS ? SMALL_PROOF_SHARE
                            : PROOF_SHARE;
                    double proofSeconds = Math.min(budget * proofShare, budget - searched);
                    double proved = prove(proofSeconds, searched + proofSeconds);
                    yield single(CpSatGoal.makespan(), budget - searched - proved);
                }
                case WEIGHTED_TARDINESS -> single(CpSatGoal.weightedTardiness(), budget);
                case TARDINESS_THEN_MAKESPAN -> lexicographic(budget);
            };
        }

        /**
         * Improves the best schedule's makespan with the critical-path tabu search for {@code seconds} (as work when
         * reproducible) and returns the seconds of the limit it used.
         */
        private double searchLocally(Long tardinessCap, double seconds, double deadline) {
            if (best == null || cancellation.isCancelled() || seconds <= 0) {
                return 0;
            }
            long searchStarted = System.nanoTime();
            long workLimit = reproducible ? Math.round(seconds * LOCAL_SEARCH_WORK_PER_SECOND) : Long.MAX_VALUE;
            double wallLimit = reproducible ? elapsedSeconds() + seconds * SAFETY_NET_FACTOR + 5 : deadline;
            BooleanSupplier stop = () -> cancellation.isCancelled() || elapsedSeconds() > wallLimit;
            Solution improved;
            long work;
            if (tardinessCap == null && JobShopTabuSearch.appliesTo(index)) {
                ParallelTabuSearch.Result searched = ParallelTabuSearch.run(index, best, settings.seed(),
                        settings.threads(), workLimit, stop, lowerBound, !reproducible);
                improved = searched.best();
                work = searched.work();
            } else {
                CriticalPathSearch search = new CriticalPathSearch(index, best, settings.seed(), tardinessCap,
                        tardinessCap == null ? lowerBound : 0);
                improved = search.improve(workLimit, stop);
                work = search.work();
            }
            boolean stoppedByClockOrCancel = cancellation.isCancelled() || elapsedSeconds() > wallLimit;
            if (reproducible && stoppedByClockOrCancel) {
                reproducible = false;
            }
            if (improved != null) {
                improve(improved, "tabu-search", improved.makespan(), lowerBound);
            }
            // A search that stopped early (optimal by the bound, or stalled) leaves its time to what follows.
            return reproducible ? seconds * Math.min(1.0, (double) work / workLimit)
                    : (System.nanoTime() - searchStarted) / 1e9;
        }

        /**
         * Tries for {@code seconds} (as nodes when reproducible) to prove the best makespan optimal on a classic job
         * shop ({@link JobShopProof}): a schedule one minute shorter either does not exist — the bound meets the best —
         * or is found, and then the next one is sought. Returns the seconds of the limit it used.
         */
        private double prove(double seconds, double deadline) {
            if (best == null || cancellation.isCancelled() || seconds <= 0 || best.makespan() <= lowerBound
                    || !JobShopProof.appliesTo(index)) {
                return 0;
            }
            long proofStarted = System.nanoTime();
            long nodeLimit = reproducible ? Math.round(seconds * PROOF_NODES_PER_SECOND) : Long.MAX_VALUE;
            double wallLimit = reproducible ? elapsedSeconds() + seconds * SAFETY_NET_FACTOR + 5 : deadline;
            BooleanSupplier stop = () -> cancellation.isCancelled() || elapsedSeconds() > wallLimit;
            JobShopProof proof = new JobShopProof(index);
            long nodes = 0;
            while (best.makespan() > lowerBound && nodes < nodeLimit) {
                long incumbent = best.makespan();
                JobShopProof.Result result = proof.search(incumbent - 1, stop, nodeLimit - nodes);
                nodes += result.nodes();
                if (result.outcome() == JobShopProof.Outcome.NO_SCHEDULE) {
                    lowerBound = incumbent;
                } else if (result.outcome() == JobShopProof.Outcome.FOUND) {
                    improve(result.found(), "proof", result.found().makespan(), lowerBound);
                }
                if (result.outcome() == JobShopProof.Outcome.UNDECIDED || best.makespan() >= incumbent
                        && lowerBound < incumbent) {
                    break;
                }
            }
            if (reproducible && (cancellation.isCancelled() || elapsedSeconds() > wallLimit)) {
                reproducible = false;
            }
            return reproducible ? seconds * Math.min(1.0, (double) nodes / nodeLimit)
                    : (System.nanoTime() - proofStarted) / 1e9;
        }

        private SolveResult single(CpSatGoal goal, double seconds) {
            PhaseResult phase = runPhase(goal, horizon(goal), seconds, settings.timeLimit().toMillis() / 1000.0);
            if (goal.minimiseMakespan() && best != null && best.makespan() <= lowerBound) {
                return result(SolveStatus.OPTIMAL, best.makespan());
            }
            return result(statusOf(phase), goal.minimiseMakespan() ? Math.max(phase.bound(), lowerBound)
                    : phase.bound());
        }

        private SolveResult lexicographic(double seconds) {
            double tardinessShare = seconds * TARDINESS_PHASE_SHARE;
            PhaseResult tardiness = runPhase(CpSatGoal.weightedTardiness(), horizon(CpSatGoal.weightedTardiness()),
                    tardinessShare, tardinessShare);
            if (best == null || tardiness.outcome() == PhaseResult.Outcome.INFEASIBLE || cancellation.isCancelled()) {
                return result(statusOf(tardiness), tardiness.bound());
            }
            // The unused part of the tardiness phase goes to the makespan phase; deterministic time keeps it repeatable.
            double used = reproducible ? tardiness.deterministicTime() / deterministicPerSecond()
                    : tardiness.wallSeconds();
            double remaining = Math.max(0.5, seconds - Math.min(used, tardinessShare));
            long cap = best.weightedTardiness(index);
            double searched = searchLocally(cap, remaining * LOCAL_SEARCH_SHARE,
                    tardinessShare + remaining * LOCAL_SEARCH_SHARE);
            PhaseResult makespan = runPhase(CpSatGoal.makespanWithTardinessAtMost(cap), best.makespan(),
                    remaining - searched, seconds);
            boolean optimal = tardiness.outcome() == PhaseResult.Outcome.OPTIMAL
                    && makespan.outcome() == PhaseResult.Outcome.OPTIMAL;
            return result(optimal ? SolveStatus.OPTIMAL : statusOf(makespan), tardiness.bound());
        }

        /**
         * @param seconds  this phase's share of the time limit (its deterministic budget when reproducible)
         * @param deadline seconds after the solve started by which a free-running phase must end
         */
        private PhaseResult runPhase(CpSatGoal goal, long horizon, double seconds, double deadline) {
            if (cancellation.isCancelled() || (best != null && goal.minimiseMakespan()
                    && goal.weightedTardinessCap() == null && best.makespan() <= lowerBound)) {
                // Cancelled, or the schedule already meets the lower bound: nothing left to search.
                return new PhaseResult(best == null ? PhaseResult.Outcome.UNKNOWN
                        : cancellation.isCancelled() ? PhaseResult.Outcome.FEASIBLE : PhaseResult.Outcome.OPTIMAL,
                        best, best == null ? 0 : cancellation.isCancelled() ? 0 : best.makespan(), 0, 0);
            }
            if (CpSatPhase.estimatedModelSize(index, horizon) > MODEL_ELEMENTS_PER_SECOND * Math.max(seconds, 1)) {
                constraintSolverSkipped = true;
                return new PhaseResult(best == null ? PhaseResult.Outcome.UNKNOWN : PhaseResult.Outcome.FEASIBLE, best,
                        0, 0, 0);
            }
            CpSatPhase phase = new CpSatPhase(index, horizon, goal, Math.min(lowerBound, horizon));
            if (best != null) {
                phase.hint(best);
            }
            SearchBudget budget = reproducible
                    ? new SearchBudget(seconds * SAFETY_NET_FACTOR + 5, seconds * deterministicPerSecond(),
                    settings.threads(), settings.seed(), true, best != null)
                    : new SearchBudget(Math.max(0.01, deadline - elapsedSeconds()), Double.POSITIVE_INFINITY,
                    settings.threads(), settings.seed(), false, best != null);
            cancellation.whileRunning(phase::stop);
            PhaseResult result;
            try {
                result = phase.solve(budget, found -> improve(found.solution(), "cp-sat", found.objective(),
                        found.bound()));
            } finally {
                cancellation.finished();
            }
            if (reproducible && (cancellation.isCancelled() || stoppedBySafetyNet(result, budget))) {
                reproducible = false;
            }
            return result;
        }

        private boolean stoppedBySafetyNet(PhaseResult result, SearchBudget budget) {
            boolean proven = result.outcome() == PhaseResult.Outcome.OPTIMAL
                    || result.outcome() == PhaseResult.Outcome.INFEASIBLE;
            return !proven && result.deterministicTime() < budget.deterministicSeconds() * 0.99;
        }

        /** Takes {@code found} if it is better than the best so far, shifted left, and tells the listener. */
        private void improve(Solution found, String source, long objective, long bound) {
            Solution decoded = SemiActiveDecoder.decode(index, found.option(), found.machineSequences(index));
            Solution candidate = decoded != null ? decoded : found;
            if (best != null && order().compare(candidate, best) >= 0) {
                return;
            }
            best = candidate;
            if (firstScheduleAfter == null) {
                firstScheduleAfter = since(startedAt);
            }
            Schedule schedule = candidate.toSchedule(index);
            listener.onImprovedSchedule(new SolveProgress(schedule, ScheduleMetrics.of(index.problem(), schedule),
                    objective, bound, since(startedAt), source));
        }

        private SolveResult result(SolveStatus status, long bound) {
            reproducible &= !cancellation.isCancelled();
            if (best == null) {
                SolveStatus none = status == SolveStatus.INFEASIBLE ? status : SolveStatus.NO_SCHEDULE_FOUND;
                return new SolveResult(none, null, null, bound, List.of(), since(startedAt), null,
                        cancellation.isCancelled(), reproducible, constraintSolverSkipped);
            }
            requireValid(best, "CP-SAT");
            Schedule schedule = best.toSchedule(index);
            SolveStatus known = status == SolveStatus.INFEASIBLE || status == SolveStatus.NO_SCHEDULE_FOUND
                    ? SolveStatus.FEASIBLE : status;
            return new SolveResult(known, schedule, ScheduleMetrics.of(index.problem(), schedule), bound, List.of(),
                    since(startedAt), firstScheduleAfter, cancellation.isCancelled(), reproducible,
                    constraintSolverSkipped);
        }

        private SolveStatus statusOf(PhaseResult phase) {
            return switch (phase.outcome()) {
                case OPTIMAL -> SolveStatus.OPTIMAL;
                case FEASIBLE -> SolveStatus.FEASIBLE;
                case INFEASIBLE -> SolveStatus.INFEASIBLE;
                case UNKNOWN -> best == null ? SolveStatus.NO_SCHEDULE_FOUND : SolveStatus.FEASIBLE;
            };
        }

        /**
         * An upper bound on the times worth considering. For makespan, no better schedule ends after the best known
         * one; for tardiness the bound must leave room to delay unimportant jobs, so it is the total work after the
         * last release (or the latest working time of any calendar).
         */
        private long horizon(CpSatGoal goal) {
            long generous = 0;
            long latestRelease = 0;
            for (int o = 0; o < index.operationCount(); o++) {
                generous += index.maxOccupation(o);
                for (int m = 0; m < index.machineCount(); m++) {
                    generous += index.maxChangeoverInto(m, o) > 0 && index.optionOn(o, m) >= 0
                            ? index.maxChangeoverInto(m, o) : 0;
                }
                latestRelease = Math.max(latestRelease, index.release(o));
                if (index.isPinned(o)) {
                    latestRelease = Math.max(latestRelease, index.pinnedStart(o) + index.maxOccupation(o));
                }
            }
            generous += latestRelease;
            for (int m = 0; m < index.machineCount(); m++) {
                var windows = index.calendar(m).windows();
                if (!windows.isEmpty()) {
                    generous = Math.max(generous, windows.get(windows.size() - 1).end());
                }
            }
            if (best == null) {
                return generous;
            }
            return goal.minimiseMakespan() && goal.weightedTardinessCap() == null ? best.makespan()
                    : Math.max(best.makespan(), generous);
        }

        private long primaryObjective(Solution solution) {
            return settings.objective() == Objective.MAKESPAN ? solution.makespan()
                    : solution.weightedTardiness(index);
        }

        private Comparator<Solution> order() {
            Comparator<Solution> byMakespan = Comparator.comparingLong(Solution::makespan);
            Comparator<Solution> byTardiness = Comparator.comparingLong(solution -> solution.weightedTardiness(index));
            return settings.objective() == Objective.MAKESPAN ? byMakespan.thenComparing(byTardiness)
                    : byTardiness.thenComparing(byMakespan);
        }

        private static DispatchRule[] rulesFor(Objective objective) {
            return objective == Objective.MAKESPAN ? DispatchRule.forMakespan() : DispatchRule.forTardiness();
        }

        private void requireValid(Solution solution, String producer) {
            List<Violation> violations = ScheduleVerifier.verify(index.problem(), solution.toSchedule(index));
            if (!violations.isEmpty()) {
                throw new IllegalStateException(producer + " produced a schedule that breaks its own rules: "
                        + violations.subList(0, Math.min(5, violations.size())));
            }
        }

        private double deterministicPerSecond() {
            boolean alternatives = false;
            for (int o = 0; o < index.operationCount() && !alternatives; o++) {
                alternatives = index.optionCount(o) > 1;
            }
            return (alternatives ? DETERMINISTIC_SECONDS_PER_CPU_SECOND_WITH_ALTERNATIVES
                    : DETERMINISTIC_SECONDS_PER_CPU_SECOND) * settings.threads();
        }

        private double elapsedSeconds() {
            return (System.nanoTime() - startedAt) / 1e9;
        }
    }
}

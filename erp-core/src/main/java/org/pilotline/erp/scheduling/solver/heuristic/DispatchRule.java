package org.pilotline.erp.scheduling.solver.heuristic;

import org.pilotline.erp.scheduling.solver.model.Job;

/** Which competing operation a machine takes next; a higher priority wins, ties go to the lower operation index. */
public enum DispatchRule {

    /** The job with the most work left: keeps long jobs from finishing last (good for makespan). */
    MOST_WORK_REMAINING {
        @Override
        double priority(DispatchHeuristic heuristic, int o, long now) {
            return heuristic.workFromHere(o);
        }
    },
    /** The job with the most operations left. */
    MOST_OPERATIONS_REMAINING {
        @Override
        double priority(DispatchHeuristic heuristic, int o, long now) {
            return heuristic.operationsFromHere(o) * 1e9 + heuristic.workFromHere(o);
        }
    },
    /** The shortest operation first. */
    SHORTEST_PROCESSING_TIME {
        @Override
        double priority(DispatchHeuristic heuristic, int o, long now) {
            return -heuristic.index().minOccupation(o);
        }
    },
    /** The job due first; undated jobs last. */
    EARLIEST_DUE_DATE {
        @Override
        double priority(DispatchHeuristic heuristic, int o, long now) {
            Job job = heuristic.index().job(heuristic.index().jobOf(o));
            return job.dueTime() == null ? -Double.MAX_VALUE : -job.dueTime();
        }
    },
    /**
     * Apparent tardiness cost (Vepsalainen and Morton): weight per minute of work, discounted exponentially by the
     * slack the job still has, so that urgent, important jobs go first (good for weighted tardiness).
     */
    APPARENT_TARDINESS_COST {
        @Override
        double priority(DispatchHeuristic heuristic, int o, long now) {
            Job job = heuristic.index().job(heuristic.index().jobOf(o));
            if (job.dueTime() == null || job.weight() == 0) {
                return -1.0 / (1 + heuristic.workFromHere(o));
            }
            double work = Math.max(1, heuristic.index().minOccupation(o));
            double slack = Math.max(0, job.dueTime() - now - heuristic.workFromHere(o));
            return job.weight() / work * Math.exp(-slack / (LOOK_AHEAD * heuristic.averageOccupation()));
        }
    };

    private static final double LOOK_AHEAD = 2.0;

    abstract double priority(DispatchHeuristic heuristic, int o, long now);

    public static DispatchRule[] forMakespan() {
        return new DispatchRule[] {MOST_WORK_REMAINING, MOST_OPERATIONS_REMAINING, SHORTEST_PROCESSING_TIME};
    }

    public static DispatchRule[] forTardiness() {
        return new DispatchRule[] {APPARENT_TARDINESS_COST, EARLIEST_DUE_DATE, MOST_WORK_REMAINING};
    }
}

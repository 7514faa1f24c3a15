package org.pilotline.erp.scheduling.solver.internal;

import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.schedule.Schedule;
import org.pilotline.erp.scheduling.solver.schedule.ScheduledOperation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** A complete placement in index form: the chosen option, start and end of every operation. */
public record Solution(int[] option, long[] start, long[] end) {

    public long makespan() {
        return Arrays.stream(end).max().orElse(0);
    }

    public long weightedTardiness(ProblemIndex index) {
        long total = 0;
        for (int j = 0; j < index.jobCount(); j++) {
            Job job = index.job(j);
            if (job.dueTime() != null) {
                total += job.weight() * Math.max(0, end[index.lastOperation(j)] - job.dueTime());
            }
        }
        return total;
    }

    /** The operations of each machine in the order they run (operations that take no time excluded). */
    public int[][] machineSequences(ProblemIndex index) {
        List<List<Integer>> perMachine = new ArrayList<>();
        for (int m = 0; m < index.machineCount(); m++) {
            perMachine.add(new ArrayList<>());
        }
        for (int o = 0; o < option.length; o++) {
            // Operations that take no time occupy no machine, so they are in no machine's order.
            if (index.occupation(o, option[o]) > 0) {
                perMachine.get(index.optionMachine(o, option[o])).add(o);
            }
        }
        int[][] sequences = new int[index.machineCount()][];
        for (int m = 0; m < sequences.length; m++) {
            sequences[m] = perMachine.get(m).stream()
                    .sorted(Comparator.<Integer>comparingLong(o -> start[o]).thenComparingLong(o -> end[o])
                            .thenComparingInt(o -> o))
                    .mapToInt(Integer::intValue).toArray();
        }
        return sequences;
    }

    public Schedule toSchedule(ProblemIndex index) {
        List<ScheduledOperation> operations = IntStream.range(0, option.length).mapToObj(o -> new ScheduledOperation(
                index.job(index.jobOf(o)).id(), index.operation(o).id(), index.positionOf(o),
                index.machine(index.optionMachine(o, option[o])).id(), start[o], end[o],
                index.optionSetup(o, option[o]), index.optionProcessing(o, option[o]), index.isPinned(o))).toList();
        return new Schedule(operations);
    }
}

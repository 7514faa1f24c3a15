package org.pilotline.erp.scheduling.solver.cpsat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CircuitConstraint;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CumulativeConstraint;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntervalVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.util.Domain;
import org.pilotline.erp.scheduling.solver.internal.ProblemIndex;
import org.pilotline.erp.scheduling.solver.internal.Solution;
import org.pilotline.erp.scheduling.solver.model.Job;
import org.pilotline.erp.scheduling.solver.model.TransferBatch;
import org.pilotline.erp.scheduling.solver.model.WorkingCalendar;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The CP-SAT model of a {@link ProblemIndex}: one interval per eligible machine of each operation (optional when
 * there are alternatives), a no-overlap constraint per machine, a circuit per machine with changeovers, routing
 * precedences and waits for other jobs' operations, with transfer batches, calendars as start domains and span groups ({@link CalendarEncoding}), and the
 * objective. Redundant structure that helps the search, as in OR-Tools' own job-shop model: the makespan as an
 * interval that comes last on every machine, a cumulative relaxation over machines linked by alternatives, and the
 * total work as a bound on machines × makespan.
 */
final class SchedulingCpModel {

    /** The variables of one (operation, machine option) pair. */
    private static final class OptionVars {
        Literal presence;
        IntervalVar interval;
        LinearArgument start;
        LinearArgument end;
        IntVar ownStart;
        IntVar ownEnd;
        IntVar span;
        Literal[] groupLiterals;
        CalendarEncoding.SpanGroup[] groups;
        long hintDefaultStart;
    }

    private final CpModel model = new CpModel();
    private final ProblemIndex index;
    private final long horizon;
    private final IntVar[] start;
    private final LinearArgument[] end;
    private final IntVar[] ownEndOfOperation;
    private final IntVar[] sizeOfOperation;
    private final OptionVars[][] options;
    private final IntVar makespan;
    private final IntVar[] tardiness;
    private final List<Circuit> circuits = new ArrayList<>();
    private LinearArgument objective;

    private record Circuit(int machine, int[] operations, int[] optionOf, Literal[][] arcs, Literal empty) {
    }

    SchedulingCpModel(ProblemIndex index, long horizon, CpSatGoal goal, long makespanLowerBound) {
        this.index = index;
        this.horizon = horizon;
        int n = index.operationCount();
        this.start = new IntVar[n];
        this.end = new LinearArgument[n];
        this.ownEndOfOperation = new IntVar[n];
        this.sizeOfOperation = new IntVar[n];
        this.options = new OptionVars[n][];
        for (int o = 0; o < n; o++) {
            createOperation(o);
        }
        addPrecedences();
        this.makespan = model.newIntVar(Math.min(makespanLowerBound, horizon), horizon, "makespan");
        for (int j = 0; j < index.jobCount(); j++) {
            model.addGreaterOrEqual(makespan, end[index.lastOperation(j)]);
        }
        IntervalVar makespanInterval = goal.minimiseMakespan()
                ? model.newIntervalVar(makespan, model.newIntVar(1, horizon + 1, "tail"),
                LinearExpr.constant(horizon + 1), "makespan-interval")
                : null;
        addMachines(makespanInterval);
        addCumulativeRelaxation(makespanInterval);
        addTotalWorkBound();
        this.tardiness = new IntVar[index.jobCount()];
        LinearExpr weightedTardiness = addTardiness();
        if (goal.weightedTardinessCap() != null) {
            model.addLessOrEqual(weightedTardiness, goal.weightedTardinessCap());
        }
        objective = goal.minimiseMakespan() ? makespan : weightedTardiness;
        model.minimize(objective);
    }

    /**
     * A rough count of the variables and constraints the model would have: one per option, plus the span groups of
     * options that may span breaks (about one per working window up to the horizon), plus the arcs of the changeover
     * circuits (quadratic in the operations a machine may run). Lets the caller skip CP-SAT when building and loading
     * the model alone would take longer than the time limit.
     */
    static long estimatedSize(ProblemIndex index, long horizon) {
        long size = 0;
        long[] onMachine = new long[index.machineCount()];
        long[] windowsUpToHorizon = new long[index.machineCount()];
        for (int m = 0; m < index.machineCount(); m++) {
            windowsUpToHorizon[m] = CalendarEncoding.spansBreaks(index.calendar(m), index.breakRule(m))
                    ? index.calendar(m).windows().stream().filter(window -> window.start() <= horizon).count() : 1;
        }
        for (int o = 0; o < index.operationCount(); o++) {
            for (int a = 0; a < index.optionCount(o); a++) {
                int m = index.optionMachine(o, a);
                size += 1 + windowsUpToHorizon[m];
                onMachine[m]++;
            }
        }
        for (int m = 0; m < index.machineCount(); m++) {
            if (index.hasChangeovers(m)) {
                size += onMachine[m] * onMachine[m];
            }
        }
        return size;
    }

    CpModel model() {
        return model;
    }

    LinearArgument objective() {
        return objective;
    }

    private void createOperation(int o) {
        long release = index.release(o);
        if (index.isPinned(o)) {
            int a = index.pinnedOption(o);
            int m = index.optionMachine(o, a);
            long pinnedStart = index.pinnedStart(o);
            long pinnedEnd = index.calendar(m).endOf(pinnedStart, index.occupation(o, a), index.breakRule(m))
                    .orElseThrow();
            OptionVars vars = new OptionVars();
            start[o] = model.newIntVar(pinnedStart, pinnedStart, "s" + o);
            end[o] = LinearExpr.constant(pinnedEnd);
            vars.presence = model.trueLiteral();
            vars.start = start[o];
            vars.end = end[o];
            vars.interval = model.newFixedSizeIntervalVar(start[o], pinnedEnd - pinnedStart, "i" + o);
            options[o] = pinnedOnly(o, a, vars);
            return;
        }
        int count = index.optionCount(o);
        boolean anyCalendar = false;
        for (int a = 0; a < count; a++) {
            anyCalendar |= !index.calendar(index.optionMachine(o, a)).isAlwaysAvailable();
        }
        options[o] = new OptionVars[count];
        if (count == 1) {
            OptionVars vars = optionWithOwnStart(o, 0, release, model.trueLiteral());
            start[o] = vars.ownStart;
            end[o] = vars.end;
            options[o][0] = vars;
            return;
        }
        start[o] = model.newIntVar(release, horizon - index.minOccupation(o), "s" + o);
        List<Literal> presences = new ArrayList<>();
        if (!anyCalendar) {
            // Alternatives share the operation's start, as in OR-Tools' job-shop model; the end is a linear expression.
            LinearExprBuilder endExpression = LinearExpr.newBuilder().add(start[o]);
            for (int a = 0; a < count; a++) {
                OptionVars vars = new OptionVars();
                vars.presence = model.newBoolVar("p" + o + "_" + a);
                vars.start = start[o];
                vars.end = LinearExpr.affine(start[o], 1, index.occupation(o, a));
                vars.interval = model.newOptionalFixedSizeIntervalVar(start[o], index.occupation(o, a),
                        vars.presence, "i" + o + "_" + a);
                endExpression.addTerm(vars.presence, index.occupation(o, a));
                presences.add(vars.presence);
                options[o][a] = vars;
            }
            ownEndOfOperation[o] = model.newIntVar(release, horizon, "e" + o);
            model.addEquality(ownEndOfOperation[o], endExpression.build());
            end[o] = ownEndOfOperation[o];
        } else {
            ownEndOfOperation[o] = model.newIntVar(release, horizon, "e" + o);
            end[o] = ownEndOfOperation[o];
            for (int a = 0; a < count; a++) {
                OptionVars vars = optionWithOwnStart(o, a, release, model.newBoolVar("p" + o + "_" + a));
                model.addEquality(start[o], vars.ownStart).onlyEnforceIf(vars.presence);
                model.addEquality(end[o], vars.end).onlyEnforceIf(vars.presence);
                presences.add(vars.presence);
                options[o][a] = vars;
            }
        }
        model.addExactlyOne(presences);
    }

    private OptionVars[] pinnedOnly(int o, int a, OptionVars vars) {
        OptionVars[] all = new OptionVars[index.optionCount(o)];
        all[a] = vars;
        return all;
    }

    /** An option with its own start variable, whose domain (and span) follow its machine's calendar. */
    private OptionVars optionWithOwnStart(int o, int a, long release, Literal presence) {
        int m = index.optionMachine(o, a);
        WorkingCalendar calendar = index.calendar(m);
        long work = index.occupation(o, a);
        String name = o + "_" + a;
        OptionVars vars = new OptionVars();
        vars.presence = presence;
        if (calendar.isAlwaysAvailable()) {
            vars.ownStart = model.newIntVar(release, horizon - work, "s" + name);
            vars.start = vars.ownStart;
            vars.end = LinearExpr.affine(vars.ownStart, 1, work);
            vars.interval = model.newOptionalFixedSizeIntervalVar(vars.ownStart, work, presence, "i" + name);
            vars.hintDefaultStart = release;
            return vars;
        }
        if (!CalendarEncoding.spansBreaks(calendar, index.breakRule(m))) {
            long[][] starts = CalendarEncoding.startsWithinOneWindow(calendar, work, release, horizon - work);
            vars.ownStart = newVarOrAbsent(starts, presence, "s" + name);
            vars.start = vars.ownStart;
            vars.end = LinearExpr.affine(vars.ownStart, 1, work);
            vars.interval = model.newOptionalFixedSizeIntervalVar(vars.ownStart, work, presence, "i" + name);
            vars.hintDefaultStart = starts.length == 0 ? release : starts[0][0];
            return vars;
        }
        List<CalendarEncoding.SpanGroup> groups = CalendarEncoding.spanGroups(calendar, work, release, horizon - work);
        List<long[]> allStarts = new ArrayList<>();
        long minSpan = Long.MAX_VALUE;
        long maxSpan = 0;
        for (CalendarEncoding.SpanGroup group : groups) {
            allStarts.addAll(List.of(group.intervals()));
            minSpan = Math.min(minSpan, group.span());
            maxSpan = Math.max(maxSpan, group.span());
        }
        allStarts.sort((x, y) -> Long.compare(x[0], y[0]));
        vars.ownStart = newVarOrAbsent(allStarts.toArray(long[][]::new), presence, "s" + name);
        vars.start = vars.ownStart;
        if (groups.isEmpty()) {
            vars.span = model.newConstant(work);
        } else {
            vars.span = model.newIntVarFromDomain(Domain.fromValues(groups.stream()
                    .mapToLong(CalendarEncoding.SpanGroup::span).toArray()), "d" + name);
        }
        vars.ownEnd = model.newIntVar(release, horizon + maxSpan, "e" + name);
        vars.end = vars.ownEnd;
        vars.interval = model.newOptionalIntervalVar(vars.ownStart, vars.span, vars.ownEnd, presence, "i" + name);
        vars.groups = groups.toArray(CalendarEncoding.SpanGroup[]::new);
        vars.groupLiterals = new Literal[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            BoolVar chosen = model.newBoolVar("g" + name + "_" + g);
            vars.groupLiterals[g] = chosen;
            model.addLinearExpressionInDomain(vars.ownStart, Domain.fromIntervals(groups.get(g).intervals()))
                    .onlyEnforceIf(chosen);
            model.addEquality(vars.span, groups.get(g).span()).onlyEnforceIf(chosen);
        }
        if (groups.size() > 0) {
            model.addExactlyOne(vars.groupLiterals);
        }
        vars.hintDefaultStart = allStarts.isEmpty() ? release : allStarts.get(0)[0];
        return vars;
    }

    /** A start variable over {@code starts}; when there are none the option cannot be used at all. */
    private IntVar newVarOrAbsent(long[][] starts, Literal presence, String name) {
        if (starts.length == 0) {
            model.addBoolAnd(new Literal[] {presence.not()});
            return model.newConstant(0);
        }
        return model.newIntVarFromDomain(Domain.fromIntervals(starts), name);
    }

    private void addPrecedences() {
        for (int o = 0; o < index.operationCount(); o++) {
            int predecessor = index.predecessor(o);
            if (predecessor >= 0) {
                addPrecedence(predecessor, o, index.transferBatch(o));
            }
            int[] waits = index.waitsFor(o);
            for (int k = 0; k < waits.length; k++) {
                addPrecedence(waits[k], o, index.waitsForTransfer(o, k));
            }
        }
    }

    /** {@code o} follows {@code predecessor}: after its end, or overlapping by a transfer batch. */
    private void addPrecedence(int predecessor, int o, TransferBatch batch) {
        if (batch == null) {
            model.addLessOrEqual(end[predecessor], start[o]);
            return;
        }
        long q = batch.lotQuantity();
        long b = batch.batchQuantity();
        model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(start[o], q).addTerm(start[predecessor], -(q - b))
                .addTerm(end[predecessor], -b).build(), 0);
        model.addGreaterOrEqual(LinearExpr.newBuilder().addTerm(end[o], q - b).addTerm(start[o], b)
                .addTerm(end[predecessor], -q).build(), 0);
        // Implied and helpful for propagation: a successor never starts before its predecessor.
        model.addLessOrEqual(start[predecessor], start[o]);
    }

    private void addMachines(IntervalVar makespanInterval) {
        List<List<int[]>> onMachine = optionsPerMachine();
        for (int m = 0; m < index.machineCount(); m++) {
            List<IntervalVar> intervals = new ArrayList<>();
            for (int[] pair : onMachine.get(m)) {
                intervals.add(options[pair[0]][pair[1]].interval);
            }
            if (makespanInterval != null) {
                intervals.add(makespanInterval);
            }
            if (!intervals.isEmpty()) {
                model.addNoOverlap(intervals);
            }
            if (index.hasChangeovers(m) && !onMachine.get(m).isEmpty()) {
                addChangeoverCircuit(m, onMachine.get(m));
            }
        }
    }

    private List<List<int[]>> optionsPerMachine() {
        List<List<int[]>> onMachine = new ArrayList<>();
        for (int m = 0; m < index.machineCount(); m++) {
            onMachine.add(new ArrayList<>());
        }
        for (int o = 0; o < index.operationCount(); o++) {
            for (int a = 0; a < options[o].length; a++) {
                // An option that takes no time occupies no machine.
                if (options[o][a] != null && index.occupation(o, a) > 0) {
                    onMachine.get(index.optionMachine(o, a)).add(new int[] {o, a});
                }
            }
        }
        return onMachine;
    }

    /**
     * Node 0 is the machine's start and end; node i+1 is the i-th option on the machine. An arc i→j means j directly
     * follows i, and then j starts at least the changeover after i ends; an absent option takes its self-loop.
     */
    private void addChangeoverCircuit(int m, List<int[]> onMachine) {
        int size = onMachine.size();
        CircuitConstraint circuit = model.addCircuit();
        Literal empty = model.newBoolVar("empty" + m);
        circuit.addArc(0, 0, empty);
        Literal[][] arcs = new Literal[size + 1][size + 1];
        int[] operations = new int[size];
        int[] optionOf = new int[size];
        for (int i = 0; i < size; i++) {
            int o = onMachine.get(i)[0];
            int a = onMachine.get(i)[1];
            operations[i] = o;
            optionOf[i] = a;
            OptionVars vars = options[o][a];
            model.addImplication(empty, vars.presence.not());
            Literal first = model.newBoolVar("first" + m + "_" + i);
            circuit.addArc(0, i + 1, first);
            arcs[0][i + 1] = first;
            model.addGreaterOrEqual(vars.start, index.changeover(m, -1, o)).onlyEnforceIf(first);
            Literal last = model.newBoolVar("last" + m + "_" + i);
            circuit.addArc(i + 1, 0, last);
            arcs[i + 1][0] = last;
            circuit.addArc(i + 1, i + 1, vars.presence.not());
        }
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < size; k++) {
                if (i == k || operations[i] == operations[k]) {
                    continue;
                }
                Literal follows = model.newBoolVar("arc" + m + "_" + i + "_" + k);
                circuit.addArc(i + 1, k + 1, follows);
                arcs[i + 1][k + 1] = follows;
                OptionVars before = options[operations[i]][optionOf[i]];
                OptionVars after = options[operations[k]][optionOf[k]];
                model.addLessOrEqual(LinearExpr.newBuilder().add(before.end)
                        .add(index.changeover(m, operations[i], operations[k])).build(), after.start)
                        .onlyEnforceIf(follows);
            }
        }
        circuits.add(new Circuit(m, operations, optionOf, arcs, empty));
    }

    /**
     * Machines linked by alternatives form groups; at any time a group runs at most as many operations as it has
     * machines. Redundant, but it lets the solver reason about the group's capacity as a whole.
     */
    private void addCumulativeRelaxation(IntervalVar makespanInterval) {
        int machines = index.machineCount();
        int[] parent = new int[machines];
        for (int m = 0; m < machines; m++) {
            parent[m] = m;
        }
        boolean anyAlternative = false;
        for (int o = 0; o < index.operationCount(); o++) {
            if (index.isPinned(o)) {
                continue;
            }
            for (int a = 1; a < index.optionCount(o); a++) {
                anyAlternative = true;
                parent[find(parent, index.optionMachine(o, a))] = find(parent, index.optionMachine(o, 0));
            }
        }
        if (!anyAlternative) {
            return;
        }
        for (int root = 0; root < machines; root++) {
            if (find(parent, root) != root) {
                continue;
            }
            int capacity = 0;
            for (int m = 0; m < machines; m++) {
                capacity += find(parent, m) == root ? 1 : 0;
            }
            if (capacity < 2) {
                continue;
            }
            CumulativeConstraint cumulative = model.addCumulative(capacity);
            for (int o = 0; o < index.operationCount(); o++) {
                int m = index.isPinned(o) ? index.optionMachine(o, index.pinnedOption(o)) : index.optionMachine(o, 0);
                if (find(parent, m) == root) {
                    cumulative.addDemand(operationInterval(o), 1);
                }
            }
            if (makespanInterval != null) {
                cumulative.addDemand(makespanInterval, capacity);
            }
        }
    }

    private IntervalVar operationInterval(int o) {
        if (index.isPinned(o)) {
            return options[o][index.pinnedOption(o)].interval;
        }
        if (options[o].length == 1) {
            return options[o][0].interval;
        }
        // CP-SAT wants an interval's start, size and end each as one variable.
        IntVar size = model.newIntVar(index.minOccupation(o), horizon, "size" + o);
        sizeOfOperation[o] = size;
        return model.newIntervalVar(start[o], size, end[o], "main" + o);
    }

    private static int find(int[] parent, int m) {
        while (parent[m] != m) {
            parent[m] = parent[parent[m]];
            m = parent[m];
        }
        return m;
    }

    /** No machine can hold more work than the time up to the makespan. */
    private void addTotalWorkBound() {
        LinearExprBuilder totalWork = LinearExpr.newBuilder();
        for (int o = 0; o < index.operationCount(); o++) {
            for (int a = 0; a < options[o].length; a++) {
                if (options[o][a] != null) {
                    totalWork.addTerm(options[o][a].presence, index.occupation(o, a));
                }
            }
        }
        model.addLessOrEqual(totalWork, LinearExpr.term(makespan, index.machineCount()));
    }

    private LinearExpr addTardiness() {
        LinearExprBuilder weighted = LinearExpr.newBuilder();
        for (int j = 0; j < index.jobCount(); j++) {
            Job job = index.job(j);
            if (job.dueTime() == null || job.weight() == 0) {
                continue;
            }
            tardiness[j] = model.newIntVar(0, Math.max(0, horizon - job.dueTime()), "t" + j);
            model.addGreaterOrEqual(tardiness[j],
                    LinearExpr.newBuilder().add(end[index.lastOperation(j)]).add(-job.dueTime()).build());
            weighted.addTerm(tardiness[j], job.weight());
        }
        return weighted.build();
    }

    /** Gives the solver a complete starting point: every variable's value in {@code solution}. */
    void hint(Solution solution) {
        int[][] sequences = solution.machineSequences(index);
        for (int o = 0; o < index.operationCount(); o++) {
            model.addHint(start[o], solution.start()[o]);
            if (ownEndOfOperation[o] != null) {
                model.addHint(ownEndOfOperation[o], solution.end()[o]);
            }
            if (sizeOfOperation[o] != null) {
                model.addHint(sizeOfOperation[o], solution.end()[o] - solution.start()[o]);
            }
            for (int a = 0; a < options[o].length; a++) {
                OptionVars vars = options[o][a];
                if (vars == null) {
                    continue;
                }
                boolean chosen = solution.option()[o] == a;
                if (!index.isPinned(o) && options[o].length > 1) {
                    model.addHint(vars.presence, chosen);
                }
                if (vars.ownStart != null && vars.ownStart != start[o]) {
                    model.addHint(vars.ownStart, chosen ? solution.start()[o] : vars.hintDefaultStart);
                } else if (vars.ownStart != null && vars.ownStart == start[o] && !chosen) {
                    continue;
                }
                hintSpan(vars, chosen ? solution.start()[o] : vars.hintDefaultStart, chosen, solution.end()[o]);
            }
        }
        long makespanValue = solution.makespan();
        model.addHint(makespan, makespanValue);
        for (int j = 0; j < index.jobCount(); j++) {
            if (tardiness[j] != null) {
                model.addHint(tardiness[j], Math.max(0, solution.end()[index.lastOperation(j)]
                        - index.job(j).dueTime()));
            }
        }
        for (Circuit circuit : circuits) {
            hintCircuit(circuit, solution, sequences[circuit.machine()]);
        }
    }

    private void hintSpan(OptionVars vars, long optionStart, boolean chosen, long chosenEnd) {
        if (vars.groups == null) {
            return;
        }
        int group = 0;
        for (int g = 0; g < vars.groups.length; g++) {
            if (vars.groups[g].contains(optionStart)) {
                group = g;
                break;
            }
        }
        for (int g = 0; g < vars.groups.length; g++) {
            model.addHint(vars.groupLiterals[g], g == group);
        }
        model.addHint(vars.span, vars.groups[group].span());
        model.addHint(vars.ownEnd, chosen ? chosenEnd : optionStart + vars.groups[group].span());
    }

    private void hintCircuit(Circuit circuit, Solution solution, int[] sequence) {
        int size = circuit.operations().length;
        int[] node = new int[index.operationCount()];
        java.util.Arrays.fill(node, -1);
        for (int i = 0; i < size; i++) {
            if (solution.option()[circuit.operations()[i]] == circuit.optionOf()[i]) {
                node[circuit.operations()[i]] = i + 1;
            }
        }
        boolean[][] used = new boolean[size + 1][size + 1];
        int previous = 0;
        for (int o : sequence) {
            used[previous][node[o]] = true;
            previous = node[o];
        }
        if (previous != 0) {
            used[previous][0] = true;
        }
        model.addHint(circuit.empty(), sequence.length == 0);
        for (int from = 0; from <= size; from++) {
            for (int to = 0; to <= size; to++) {
                Literal arc = circuit.arcs()[from][to];
                if (arc != null) {
                    model.addHint(arc, used[from][to]);
                }
            }
        }
    }

    /** The solution a solver found, read through {@code value} (a solver or a solution callback). */
    Solution read(ToLongFunction<LinearArgument> value, java.util.function.Predicate<Literal> isTrue) {
        int n = index.operationCount();
        int[] option = new int[n];
        long[] startValue = new long[n];
        long[] endValue = new long[n];
        for (int o = 0; o < n; o++) {
            for (int a = 0; a < options[o].length; a++) {
                if (options[o][a] != null && isTrue.test(options[o][a].presence)) {
                    option[o] = a;
                }
            }
            startValue[o] = value.applyAsLong(start[o]);
            endValue[o] = value.applyAsLong(end[o]);
        }
        return new Solution(option, startValue, endValue);
    }
}

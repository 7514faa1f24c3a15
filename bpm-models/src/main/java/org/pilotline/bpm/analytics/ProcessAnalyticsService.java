package org.pilotline.bpm.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.BureauProcessFigures;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.BureauReport;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Comparison;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.EnterpriseProcesses;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Percentiles;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.ProcessFigures;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Report;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.Span;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.StepFigures;
import org.pilotline.bpm.analytics.ProcessAnalyticsViews.TaskTimes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.pilotline.bpm.platform.ProcessModels;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

/**
 * Process analytics from Camunda's history tables, computed in SQL for one tenant (enterprise code): per process
 * definition (key and version) the instances started in [from, to), completed and running, the cycle time of the
 * completed ones, and per step its durations, a user task's waiting and working time and the bottleneck step.
 * The instances are counted in SQL; the step rows and the durations behind a percentile are read (index only,
 * through {@link HistoryIndexes}) and summed, and their percentiles computed, in Java
 * ({@link ProcessAnalyticsRules#percentile}).
 */
@ApplicationScoped
public class ProcessAnalyticsService {

    /** Steps without duration of their own: start and end events and gateways are left out of the step figures. */
    private static final String STEP_TYPES = "a.ACT_TYPE_ not like '%Gateway' and a.ACT_TYPE_ not like '%EndEvent'"
            + " and a.ACT_TYPE_ not like '%StartEvent' and a.ACT_TYPE_ <> 'startEvent'";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    RepositoryService repository;

    @Transactional
    public Report report(String processKey, String from, String to) {
        Window window = Window.parse(processKey, from, to);
        String enterprise = tenant.requireEnterprise();
        return new Report(enterprise, window.key, window.from, window.to, figures(enterprise, window, null));
    }

    @Transactional
    public Comparison compare(String processKey, String versionA, String versionB, String from, String to) {
        if (processKey == null || processKey.isBlank()) {
            throw invalid(new FieldError("processKey", "is required"));
        }
        Window window = Window.parse(processKey, from, to);
        int a = version("versionA", versionA);
        int b = version("versionB", versionB);
        String enterprise = tenant.requireEnterprise();
        ProcessFigures figuresA = versionFigures(enterprise, window, a);
        ProcessFigures figuresB = versionFigures(enterprise, window, b);
        return new Comparison(window.key, window.from, window.to, figuresA, figuresB,
                ProcessAnalyticsRules.differences(figuresA, figuresB));
    }

    /** Every enterprise's aggregates side by side: counts, cycle time and the bottleneck step's name, nothing more. */
    @Transactional
    public BureauReport bureau(String processKey, String from, String to) {
        Window window = Window.parse(processKey, from, to);
        List<Enterprise> enterprises = Enterprise.<Enterprise>listAll().stream()
                .sorted(Comparator.comparing(e -> e.code)).toList();
        List<EnterpriseProcesses> result = new ArrayList<>();
        for (Enterprise e : enterprises) {
            List<BureauProcessFigures> processes = figures(e.code, window, null).stream()
                    .map(p -> new BureauProcessFigures(p.processKey(), p.version(), p.started(), p.completed(),
                            p.running(), p.cycleTime(), p.bottleneck() == null ? null : p.bottleneck().name()))
                    .toList();
            result.add(new EnterpriseProcesses(e.code, e.name, processes));
        }
        return new BureauReport(window.key, window.from, window.to, result);
    }

    private ProcessFigures versionFigures(String enterprise, Window window, int version) {
        List<?> definitions = em.createNativeQuery("select ID_, NAME_, VERSION_TAG_ from ACT_RE_PROCDEF"
                        + " where TENANT_ID_ = ?1 and KEY_ = ?2 and VERSION_ = ?3")
                .setParameter(1, enterprise).setParameter(2, window.key).setParameter(3, version).getResultList();
        if (definitions.isEmpty()) {
            throw DomainException.notFound("Version of process model " + window.key, version);
        }
        Object[] d = (Object[]) definitions.get(0);
        String id = (String) d[0];
        return figures(enterprise, window, id).stream().findFirst().orElse(new ProcessFigures(window.key, version, id,
                (String) d[1], (String) d[2], 0, 0, 0, null, List.of(), null));
    }

    /** The figures of every definition with instances in the window (or of one definition). */
    private List<ProcessFigures> figures(String enterprise, Window window, String definitionId) {
        Filter f = new Filter(enterprise, window, definitionId);
        Map<String, long[]> cycle = new HashMap<>();
        samples(rows(f, "select p.PROC_DEF_ID_, p.DURATION_ from ACT_HI_PROCINST p where " + f.where("p")
                + " and p.STATE_ = 'COMPLETED' and p.END_TIME_ is not null and p.DURATION_ is not null"), 1, 1)
                .forEach((id, values) -> cycle.put(id, percentiles(values[0])));
        Map<String, List<StepFigures>> steps = steps(f);
        List<ProcessFigures> result = new ArrayList<>();
        // counted per definition from the index first, then joined to the few definitions: joining each of 10,000
        // instance rows to its definition before grouping took ten times as long (docs/benchmarks/processes.md)
        for (Object[] r : rows(f, "select p.PROC_DEF_ID_, d.KEY_, d.VERSION_, d.NAME_, d.VERSION_TAG_, p.STARTED_,"
                + " p.COMPLETED_, p.RUNNING_ from (select p.PROC_DEF_ID_, count(*) STARTED_,"
                + " sum(case when p.STATE_ = 'COMPLETED' and p.END_TIME_ is not null then 1 else 0 end) COMPLETED_,"
                + " sum(case when p.END_TIME_ is null then 1 else 0 end) RUNNING_"
                + " from ACT_HI_PROCINST p where " + f.where("p") + " group by p.PROC_DEF_ID_) p"
                + " join ACT_RE_PROCDEF d on d.ID_ = p.PROC_DEF_ID_ order by d.KEY_, d.VERSION_")) {
            String id = (String) r[0];
            long[] c = cycle.get(id);
            List<StepFigures> own = steps.getOrDefault(id, List.of());
            result.add(new ProcessFigures((String) r[1], (int) num(r[2]), id, (String) r[3], (String) r[4],
                    num(r[5]), num(r[6]), num(r[7]), c == null ? null : Percentiles.of(c[0], c[1]), own,
                    ProcessAnalyticsRules.bottleneck(own)));
        }
        return result;
    }

    /**
     * The step figures: every step row of the process (start and end events and gateways left out) is read once from
     * its covering index, {@link HistoryIndexes}, and its counts, totals, first start and durations are summed here.
     * Two statements over the same index range (the durations, and the counts grouped in SQL) took about twice as
     * long over 10,000 instances. With a window on the instances' start, which only {@code ACT_HI_PROCINST} holds,
     * the ids of the instances in it are read once (an index range) and a step is kept when its instance is one of
     * them, rather than joining every step row to its instance (a lookup by random id per row).
     */
    private Map<String, List<StepFigures>> steps(Filter f) {
        Set<String> window = f.needsInstances() ? instancesIn(f) : null;
        Filter steps = f.withoutWindow();
        Map<String, StepTotals> totals = new LinkedHashMap<>();
        for (Object[] r : rows(steps, "select a.PROC_DEF_ID_, a.ACT_ID_, a.ACT_TYPE_, a.END_TIME_ is not null,"
                + " a.DURATION_, timestampdiff(microsecond, '2000-01-01', a.START_TIME_) div 1000"
                + (window == null ? "" : ", a.PROC_INST_ID_")
                + " from ACT_HI_ACTINST a where " + steps.where("a") + " and " + STEP_TYPES)) {
            if (window != null && !window.contains((String) r[6])) {
                continue;
            }
            totals.computeIfAbsent(r[0] + "\n" + r[1], g -> new StepTotals((String) r[0], (String) r[1]))
                    .add((String) r[2], r[3] instanceof Boolean ended ? ended : num(r[3]) != 0,
                            r[4] == null ? null : num(r[4]), num(r[5]));
        }
        Map<String, TaskTimes> taskTimes = taskTimes(f, window);
        Map<String, List<StepFigures>> result = new LinkedHashMap<>();
        totals.values().stream().sorted(Comparator.comparing((StepTotals t) -> t.definitionId)
                        .thenComparingLong(t -> t.firstStart).thenComparing(t -> t.activityId))
                .forEach(t -> {
                    long[] d = t.durations.isEmpty() ? null
                            : percentiles(t.durations.stream().mapToLong(Long::longValue).toArray());
                    result.computeIfAbsent(t.definitionId, k -> new ArrayList<>()).add(new StepFigures(t.activityId,
                            stepName(t.definitionId, t.activityId), t.type, t.completed, t.running,
                            t.completed == 0 ? null : Span.of(t.totalDuration),
                            d == null ? null : Percentiles.of(d[0], d[1]),
                            taskTimes.get(t.definitionId + "\n" + t.activityId)));
                });
        return result;
    }

    /** One step's counts, total and durations (of the instances of a window, when there is one). */
    private static final class StepTotals {
        final String definitionId;
        final String activityId;
        String type;
        long completed;
        long running;
        long totalDuration;
        long firstStart = Long.MAX_VALUE;
        final List<Long> durations = new ArrayList<>();

        StepTotals(String definitionId, String activityId) {
            this.definitionId = definitionId;
            this.activityId = activityId;
        }

        void add(String activityType, boolean ended, Long duration, long start) {
            if (type == null || (activityType != null && activityType.compareTo(type) > 0)) {
                type = activityType;
            }
            if (ended) {
                completed++;
                if (duration != null) {
                    totalDuration += duration;
                    durations.add(duration);
                }
            } else {
                running++;
            }
            firstStart = Math.min(firstStart, start);
        }
    }

    /** The ids of the instances started in the window (and of the process and definition asked for). */
    private Set<String> instancesIn(Filter f) {
        Set<String> ids = new HashSet<>();
        for (Object id : rows(f, "select p.ID_ from ACT_HI_PROCINST p where " + f.where("p"), Object.class)) {
            ids.add((String) id);
        }
        return ids;
    }

    /**
     * Waiting (created → first assignment, or → completion when never assigned) and working time (first assignment
     * → completion) of completed user tasks; the first assignment is the task's first "assignee add" in the
     * identity-link history (a claim, or the assignment completing an unclaimed task), stored to the second. The
     * tasks and their first assignments are read apart (each index only) and matched here. {@code window}: the ids of
     * the instances in the filter's window (read once for the steps and the tasks), or null without a window.
     */
    private Map<String, TaskTimes> taskTimes(Filter f, Set<String> window) {
        // both moments as milliseconds since one wall-clock instant of the session, as TIMESTAMPDIFF compares them
        Map<String, Long> claimed = new HashMap<>();
        for (Object r : em.createNativeQuery("select TASK_ID_, timestampdiff(microsecond, '2000-01-01',"
                        + " min(TIMESTAMP_)) div 1000 from ACT_HI_IDENTITYLINK where TENANT_ID_ = ?1 and TYPE_ = 'assignee'"
                        + " and OPERATION_TYPE_ = 'add' and TASK_ID_ is not null group by TASK_ID_")
                .setParameter(1, f.parameters.get(0)).getResultList()) {
            Object[] row = (Object[]) r;
            claimed.put((String) row[0], num(row[1]));
        }
        List<Object[]> tasks = new ArrayList<>();
        Filter steps = f.withoutWindow();
        for (Object[] r : rows(steps, "select t.PROC_DEF_ID_, t.TASK_DEF_KEY_, t.ID_,"
                + " timestampdiff(microsecond, '2000-01-01', t.START_TIME_) div 1000, t.DURATION_, t.PROC_INST_ID_"
                + " from ACT_HI_TASKINST t where " + steps.where("t") + " and t.END_TIME_ is not null"
                + " and t.DURATION_ is not null and t.TASK_STATE_ = 'Completed'")) {
            if (window != null && !window.contains((String) r[5])) {
                continue;
            }
            long duration = num(r[4]);
            long waiting = ProcessAnalyticsRules.waiting(duration, num(r[3]), claimed.get((String) r[2]));
            tasks.add(new Object[]{r[0], r[1], waiting, duration - waiting});
        }
        Map<String, TaskTimes> result = new HashMap<>();
        samples(tasks, 2, 2).forEach((group, values) -> {
            long[] p = percentiles(values[0]);
            long[] q = percentiles(values[1]);
            result.put(group, new TaskTimes(Span.of(sum(values[0])), Span.of(sum(values[1])),
                    Percentiles.of(p[0], p[1]), Percentiles.of(q[0], q[1])));
        });
        return result;
    }

    /**
     * A step's name from its model (from the engine's bounded cache of parsed models), rather than from the history rows: the name is
     * the one column of a step row that {@link HistoryIndexes} cannot cover.
     */
    private String stepName(String definitionId, String activityId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        return model != null && model.getModelElementById(activityId) instanceof FlowElement element
                ? element.getName() : null;
    }

    /**
     * The rows' values grouped by their first {@code keys} columns (joined by a line break), as arrays of the
     * {@code columns} numbers that follow: the percentiles are computed in Java, since MariaDB's {@code
     * PERCENTILE_DISC} window over tens of thousands of history rows took longer than reading them (500 ms against
     * 50 ms over 10,000 instances' steps, docs/benchmarks/processes.md).
     */
    private static Map<String, long[][]> samples(List<Object[]> rows, int keys, int columns) {
        Map<String, List<Object[]>> groups = new LinkedHashMap<>();
        for (Object[] r : rows) {
            StringBuilder key = new StringBuilder(String.valueOf(r[0]));
            for (int k = 1; k < keys; k++) {
                key.append('\n').append(r[k]);
            }
            groups.computeIfAbsent(key.toString(), g -> new ArrayList<>()).add(r);
        }
        Map<String, long[][]> result = new LinkedHashMap<>();
        groups.forEach((key, group) -> {
            long[][] values = new long[columns][group.size()];
            for (int i = 0; i < group.size(); i++) {
                for (int c = 0; c < columns; c++) {
                    values[c][i] = num(group.get(i)[keys + c]);
                }
            }
            result.put(key, values);
        });
        return result;
    }

    /** p50 and p90 (sorts the values). */
    private static long[] percentiles(long[] values) {
        return new long[]{ProcessAnalyticsRules.percentile(values, 50), ProcessAnalyticsRules.percentile(values, 90)};
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private <T> List<T> rows(Filter f, String sql, Class<T> single) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < f.parameters.size(); i++) {
            query.setParameter(i + 1, f.parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<T> rows = query.getResultList();
        return rows;
    }

    private List<Object[]> rows(Filter f, String sql) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < f.parameters.size(); i++) {
            query.setParameter(i + 1, f.parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static long num(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static int version(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(new FieldError(field, "is required"));
        }
        try {
            int version = Integer.parseInt(value.trim());
            if (version < 1) {
                throw invalid(new FieldError(field, "must be a version number, 1 or more"));
            }
            return version;
        } catch (NumberFormatException e) {
            throw invalid(new FieldError(field, "must be a version number, 1 or more"));
        }
    }

    private static DomainException invalid(FieldError error) {
        return DomainException.invalid("invalid-analytics-query", "The process analytics query is not valid", error);
    }

    /** The query's process key (optional) and [from, to) of the instances' start (each end optional). */
    private record Window(String key, Instant from, Instant to) {
        static Window parse(String key, String from, String to) {
            String k = key == null || key.isBlank() ? null : key.trim();
            if (k != null && !ProcessModels.PROCESS_KEYS.contains(k)) {
                throw invalid(new FieldError("processKey", "is not a process model: one of "
                        + String.join(", ", ProcessModels.PROCESS_KEYS)));
            }
            Instant f = instant("from", from);
            Instant t = instant("to", to);
            if (f != null && t != null && !f.isBefore(t)) {
                throw invalid(new FieldError("to", "must be after from"));
            }
            return new Window(k, f, t);
        }

        private static Instant instant(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw invalid(new FieldError(field, "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z"));
            }
        }
    }

    /** The where clause on the instances, always ?1 = the tenant; its parameters in order. */
    private static final class Filter {
        final List<Object> parameters = new ArrayList<>();
        private final Window window;
        private final String definitionId;

        Filter(String enterprise, Window window, String definitionId) {
            this.window = window;
            this.definitionId = definitionId;
            parameters.add(enterprise);
            if (window.key != null) {
                parameters.add(window.key);
            }
            if (window.from != null) {
                parameters.add(window.from);
            }
            if (window.to != null) {
                parameters.add(window.to);
            }
            if (definitionId != null) {
                parameters.add(definitionId);
            }
        }

        /** The same filter without the window: for the steps and tasks, whose window is matched in Java. */
        Filter withoutWindow() {
            return new Filter((String) parameters.get(0), new Window(window.key, null, null), definitionId);
        }

        boolean needsInstances() {
            return window.from != null || window.to != null;
        }

        String where(String alias) {
            StringBuilder sql = new StringBuilder(alias + ".TENANT_ID_ = ?1");
            int n = 2;
            if (window.key != null) {
                sql.append(" and ").append(alias).append(".PROC_DEF_KEY_ = ?").append(n++);
            }
            if (window.from != null) {
                sql.append(" and ").append(alias).append(".START_TIME_ >= ?").append(n++);
            }
            if (window.to != null) {
                sql.append(" and ").append(alias).append(".START_TIME_ < ?").append(n++);
            }
            if (definitionId != null) {
                sql.append(" and ").append(alias).append(".PROC_DEF_ID_ = ?").append(n);
            }
            return sql.toString();
        }
    }
}

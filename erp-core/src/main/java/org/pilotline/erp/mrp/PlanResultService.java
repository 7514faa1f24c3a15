package org.pilotline.erp.mrp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.PeggingNode;
import org.pilotline.erp.mrp.store.ExceptionRow;
import org.pilotline.erp.mrp.store.ExceptionStore;
import org.pilotline.erp.mrp.store.MrpRunner;
import org.pilotline.erp.mrp.store.PlannedOrderRow;
import org.pilotline.erp.mrp.store.PlannedOrderStore;
import org.pilotline.erp.mrp.store.PlanningInputLoader;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.List;

/**
 * Reading a run's results: its planned orders and exception messages as stored, a page at a time, and the pegging
 * trees of a planned order or a sales order line, walked in the run's plan in memory ({@link RunResults#planOf}).
 */
@ApplicationScoped
public class PlanResultService {

    @Inject
    MrpJdbc jdbc;

    @Inject
    TenantContext tenant;

    @Inject
    RunResults results;

    public Page<PlannedOrderRow> plannedOrders(long runId, PageRequest page, PlannedOrderStore.Filter filter) {
        String enterprise = tenant.requireEnterprise();
        results.requireResults(enterprise, runId);
        PlannedOrderStore.Sort sort = plannedOrderSort(page);
        return jdbc.call(c -> {
            long total = PlannedOrderStore.count(c, enterprise, runId, filter);
            List<PlannedOrderRow> rows = PlannedOrderStore.page(c, enterprise, runId, filter, sort, offset(page),
                    page.size());
            return new Page<>(rows, page.page(), page.size(), total);
        });
    }

    public PlannedOrderRow plannedOrder(long runId, long itemId, int number) {
        String enterprise = tenant.requireEnterprise();
        results.requireResults(enterprise, runId);
        return findPlannedOrder(enterprise, runId, itemId, number);
    }

    /** The run's exception messages, of one item and one kind if given, by date. */
    public Page<ExceptionRow> exceptions(long runId, PageRequest page, Long itemId, ExceptionKind kind) {
        String enterprise = tenant.requireEnterprise();
        results.requireResults(enterprise, runId);
        return jdbc.call(c -> {
            long total = ExceptionStore.count(c, enterprise, runId, itemId, kind);
            List<ExceptionRow> rows = ExceptionStore.page(c, enterprise, runId, itemId, kind, offset(page),
                    page.size());
            return new Page<>(rows, page.page(), page.size(), total);
        });
    }

    /** The pegging tree of a planned order: up to the top-level demands it serves, or down to its components' supplies. */
    public PeggingNode plannedOrderPegging(long runId, long itemId, int number, boolean up, int depth) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = results.requireResults(enterprise, runId);
        PlannedOrderRow order = findPlannedOrder(enterprise, runId, itemId, number);
        MrpRunner.Planned planned = results.planOf(enterprise, run);
        OrderRef ref = OrderRef.planned(order.itemCode(), number);
        return up ? planned.plan().peggingUp(ref) : planned.plan().peggingDownFromOrder(ref, depth);
    }

    /** The pegging tree of a sales order line: the supplies serving it, down through their components. */
    public PeggingNode salesOrderLinePegging(long runId, long salesOrderId, int lineNo, int depth) {
        String enterprise = tenant.requireEnterprise();
        RunStore.Run run = results.requireResults(enterprise, runId);
        String number = jdbc.call(c -> new PlanningInputLoader(c, enterprise).salesOrderNumber(salesOrderId))
                .orElseThrow(() -> DomainException.notFound("Sales order", salesOrderId));
        String reference = PlanningInputLoader.lineReference(number, lineNo);
        MrpRunner.Planned planned = results.planOf(enterprise, run);
        boolean inThePlan = planned.plan().model().salesOrderLines().stream()
                .anyMatch(line -> line.reference().equals(reference));
        if (!inThePlan) {
            throw new DomainException(ProblemKind.NOT_FOUND, "not-found", "Sales order line not in the plan",
                    "Sales order line " + reference + " is not open demand in MRP run " + runId);
        }
        return planned.plan().peggingDown(reference, depth);
    }

    private PlannedOrderRow findPlannedOrder(String enterprise, long runId, long itemId, int number) {
        return jdbc.call(c -> PlannedOrderStore.find(c, enterprise, runId, itemId, number, false))
                .orElseThrow(() -> DomainException.notFound("Planned order", itemId + "/" + number));
    }

    /** By item and number (cheap at any size), or by due date ({@code sort=dueDate}). */
    private static PlannedOrderStore.Sort plannedOrderSort(PageRequest page) {
        List<String> sort = page.sort() == null ? List.of() : page.sort();
        if (sort.isEmpty() || sort.equals(List.of("item"))) {
            return PlannedOrderStore.Sort.ITEM;
        }
        if (sort.equals(List.of("dueDate"))) {
            return PlannedOrderStore.Sort.DUE_DATE;
        }
        throw DomainException.invalid("invalid-sort", "Planned orders sort by item or dueDate",
                new FieldError("sort", "must be item or dueDate"));
    }

    private static long offset(PageRequest page) {
        return (long) page.page() * page.size();
    }
}

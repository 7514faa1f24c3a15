package org.pilotline.erp.mrp.engine;

import org.pilotline.erp.mrp.engine.model.PlanningModel;
import org.pilotline.erp.mrp.engine.model.PlanningParameters;
import org.pilotline.erp.mrp.engine.plan.MrpPlan;
import org.pilotline.erp.mrp.engine.planning.ItemPlan;
import org.pilotline.erp.mrp.engine.planning.PlanRunner;

import java.util.Objects;

/**
 * Material requirements planning over a {@link PlanningModel}: a regenerative run, and a net-change re-plan after
 * one sales order line changed. Plain Java, no I/O; safe to use from several threads (it keeps no state).
 */
public final class MrpEngine {

    private final PlanningParameters parameters;

    public MrpEngine(PlanningParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters);
    }

    public MrpEngine() {
        this(PlanningParameters.defaults());
    }

    public PlanningParameters parameters() {
        return parameters;
    }

    /** Plans every item, in low-level-code order. */
    public MrpPlan plan(PlanningModel model) {
        return plan(model, PlanningProgress.NONE);
    }

    public MrpPlan plan(PlanningModel model, PlanningProgress progress) {
        ItemPlan[] plans = PlanRunner.regenerate(model, parameters, (done, total) -> {
            progress.itemsPlanned(done, total);
            return 0;
        });
        return new MrpPlan(model, parameters, plans, model.itemCount());
    }

    /**
     * Re-plans after the sales order line {@code reference} was added, changed or removed: {@code changed} is the
     * previous plan's model with that line changed ({@link PlanningModel#withSalesOrderLine},
     * {@link PlanningModel#withoutSalesOrderLine}). Only the line's item(s) and the items below whose parents' orders
     * come out different are planned again; the result equals {@link #plan} of {@code changed}.
     *
     * @throws IllegalArgumentException if {@code changed} differs from the previous model in more than sales order
     *                                  lines, or the parameters differ
     */
    public MrpPlan replanSalesOrderLine(MrpPlan previous, PlanningModel changed, String reference) {
        if (!previous.model().sharesMasterDataWith(changed)) {
            throw new IllegalArgumentException("net change needs the previous plan's model with only sales order "
                    + "lines changed; plan regeneratively instead");
        }
        if (!previous.parameters().planLike(parameters)) {
            throw new IllegalArgumentException("net change needs the parameters of the previous plan");
        }
        int[] roots = {previous.model().sales().plannedItemOf(reference), changed.sales().plannedItemOf(reference)};
        int[] replanned = new int[1];
        ItemPlan[] plans = PlanRunner.netChange(previous.itemPlans(), changed, parameters, roots, replanned);
        return new MrpPlan(changed, parameters, plans, replanned[0]);
    }
}

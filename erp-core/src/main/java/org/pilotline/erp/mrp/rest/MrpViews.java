package org.pilotline.erp.mrp.rest;

import org.pilotline.erp.mrp.PlannerActionService;
import org.pilotline.erp.mrp.engine.plan.Demand;
import org.pilotline.erp.mrp.engine.plan.ExceptionKind;
import org.pilotline.erp.mrp.engine.plan.OrderRef;
import org.pilotline.erp.mrp.engine.plan.OrderType;
import org.pilotline.erp.mrp.engine.plan.PeggingNode;
import org.pilotline.erp.mrp.engine.plan.Supply;
import org.pilotline.erp.mrp.rest.MrpDtos.ConversionView;
import org.pilotline.erp.mrp.rest.MrpDtos.ExceptionView;
import org.pilotline.erp.mrp.rest.MrpDtos.FirmView;
import org.pilotline.erp.mrp.rest.MrpDtos.NetChangeView;
import org.pilotline.erp.mrp.rest.MrpDtos.PeggingNodeView;
import org.pilotline.erp.mrp.rest.MrpDtos.PlannedOrderView;
import org.pilotline.erp.mrp.rest.MrpDtos.RunView;
import org.pilotline.erp.mrp.store.ExceptionRow;
import org.pilotline.erp.mrp.store.PlannedOrderRow;
import org.pilotline.erp.mrp.store.RunParameters;
import org.pilotline.erp.mrp.store.RunStore;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import java.util.Arrays;
import java.util.List;

import static org.pilotline.platform.quantity.Decimals.plain;

/**
 * The one place the MRP services' results become the API's views (enums as their names, quantities without
 * trailing zeros), and the API's query words become the services' types — an unknown word is a 400 naming its
 * parameter.
 */
final class MrpViews {

    private MrpViews() {
    }

    static RunView run(RunStore.Run run) {
        RunParameters parameters = run.parameters();
        return new RunView(run.id(), run.status().name(), run.phase(), run.itemsPlanned(), run.itemsTotal(),
                run.progress(), run.current(), run.requestedBy(), run.requestedAt(), run.startedAt(),
                run.finishedAt(), parameters.start(), parameters.weeks(), parameters.calendarId(),
                parameters.forecastBackwardWeeks(), parameters.forecastForwardWeeks(), parameters.expediteWindowDays(),
                parameters.deferToleranceDays(), run.items(), run.bomLines(), run.demandLines(), run.plannedOrders(),
                run.pegs(), run.exceptions(), run.netChanges(), run.actions(), run.error());
    }

    static PlannedOrderView plannedOrder(PlannedOrderRow order) {
        return new PlannedOrderView(order.runId(), order.itemId(), order.itemCode(), order.number(),
                order.type().name(), plain(order.quantity()), order.releaseDate(), order.dueDate(), order.formula(),
                order.routing(), order.exceptions().stream().map(Enum::name).toList(), order.status().name(),
                order.convertedTo());
    }

    static ExceptionView exception(ExceptionRow exception) {
        return new ExceptionView(exception.runId(), exception.itemId(), exception.itemCode(), exception.seq(),
                exception.kind().name(), exception.date(), exception.suggestedDate(), plain(exception.quantity()),
                exception.reference(), exception.workingMinutes());
    }

    static FirmView firmed(PlannerActionService.Firmed firmed) {
        return new FirmView(firmed.reference(), plannedOrder(firmed.plannedOrder()));
    }

    static ConversionView converted(PlannerActionService.Converted converted) {
        return new ConversionView(converted.orderType().name(), converted.orderId(), converted.orderNumber(),
                plannedOrder(converted.plannedOrder()));
    }

    static NetChangeView netChanged(PlannerActionService.NetChanged changed) {
        return new NetChangeView(changed.runId(), changed.changedLines(), changed.replannedItems(),
                changed.rewrittenItems(), changed.planMillis(), changed.writeMillis());
    }

    /**
     * A node of a pegging tree: a demand names the order it comes from (a firmed or open order by its reference, a
     * planned order by its number), a supply the planned or firmed order it is.
     */
    static PeggingNodeView peggingNode(PeggingNode node) {
        List<PeggingNodeView> children = node.children().stream().map(MrpViews::peggingNode).toList();
        if (node.isDemand()) {
            Demand demand = node.demand();
            OrderRef parent = demand.parentOrder();
            return new PeggingNodeView("DEMAND", demand.kind().name(), demand.itemCode(), demand.date(),
                    plain(node.quantity()), plain(demand.quantity()),
                    parent != null && !parent.isPlanned() ? parent.reference() : demand.reference(),
                    parent != null && parent.isPlanned() ? parent.plannedNumber() : null,
                    parent == null ? null : parent.itemCode(), children);
        }
        Supply supply = node.supply();
        OrderRef order = supply.order();
        return new PeggingNodeView("SUPPLY", supply.kind().name(), supply.itemCode(), supply.date(),
                plain(node.quantity()), plain(supply.quantity()), supply.reference(),
                order != null && order.isPlanned() ? order.plannedNumber() : null,
                order == null ? null : order.itemCode(), children);
    }

    // ------------------------------------------------------------------------------------------------ query words

    static OrderType orderType(String type) {
        return word(OrderType.class, type, "Unknown order type", new FieldError("type", "must be PRODUCTION or PURCHASE"));
    }

    static ExceptionKind exceptionKind(String kind, String parameter) {
        return word(ExceptionKind.class, kind, "Unknown exception kind",
                new FieldError(parameter, "must be one of " + Arrays.toString(ExceptionKind.values())));
    }

    /** The constant named {@code word}, null for no word; 400 {@code invalid-filter} for an unknown one. */
    private static <E extends Enum<E>> E word(Class<E> type, String word, String title, FieldError unknown) {
        if (word == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, word);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-filter", title, unknown);
        }
    }

    /** Up the pegging (to the demands served) or down (to the components' supplies). */
    static boolean up(String direction) {
        return switch (direction) {
            case "up" -> true;
            case "down" -> false;
            default -> throw DomainException.invalid("invalid-parameter", "Unknown direction",
                    new FieldError("direction", "must be up or down"));
        };
    }
}

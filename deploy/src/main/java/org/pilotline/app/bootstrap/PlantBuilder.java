package org.pilotline.app.bootstrap;

import org.jboss.logging.Logger;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.BomRequest;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.erp.bom.RecipeRequest;
import org.pilotline.erp.calendar.Calendar;
import org.pilotline.erp.calendar.CalendarRequest;
import org.pilotline.erp.equipment.Area;
import org.pilotline.erp.equipment.EquipmentDtos.AreaRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkCenterRequest;
import org.pilotline.erp.equipment.EquipmentDtos.WorkUnitRequest;
import org.pilotline.erp.equipment.Site;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.equipment.WorkUnit;
import org.pilotline.erp.inventory.InventoryDtos.LocationRequest;
import org.pilotline.erp.inventory.InventoryDtos.MoveRequest;
import org.pilotline.erp.inventory.InventoryDtos.WarehouseRequest;
import org.pilotline.erp.inventory.Location;
import org.pilotline.erp.inventory.MoveReason;
import org.pilotline.erp.inventory.MoveType;
import org.pilotline.erp.inventory.Warehouse;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.item.ItemRequest;
import org.pilotline.erp.item.ItemType;
import org.pilotline.erp.item.Sourcing;
import org.pilotline.erp.item.Tracking;
import org.pilotline.erp.order.OrderDtos.LineRequest;
import org.pilotline.erp.order.OrderDtos.ProductionOrderRequest;
import org.pilotline.erp.order.OrderDtos.SalesOrderRequest;
import org.pilotline.erp.order.ProductionOrder;
import org.pilotline.erp.order.ProductionOrderStatus;
import org.pilotline.erp.order.SalesOrder;
import org.pilotline.erp.order.SalesOrderStatus;
import org.pilotline.erp.partner.Partner;
import org.pilotline.erp.partner.PartnerService.PartnerRequest;
import org.pilotline.erp.routing.Routing;
import org.pilotline.erp.routing.RoutingRequest;
import org.pilotline.mes.reason.Reason;
import org.pilotline.mes.reason.ReasonPurpose;
import org.pilotline.mes.reason.ReasonViews.ReasonRequest;
import org.pilotline.mes.settings.CountingSource;
import org.pilotline.mes.settings.SettingsViews.EnterpriseSettingsRequest;
import org.pilotline.mes.settings.SettingsViews.WorkCenterSettingsRequest;
import org.pilotline.mes.terminal.OperatorBadge;
import org.pilotline.mes.terminal.Terminal;
import org.pilotline.mes.terminal.TerminalViews.BadgeRequest;
import org.pilotline.mes.terminal.TerminalViews.TerminalRequest;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.platform.security.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Builds one demo enterprise's plant through the suite's services, each piece in transactions of its own and only when
 * it is missing (found by its code, or by its note for orders), so that a seeding that stopped halfway is completed by
 * running its steps again. Ids of what it made or found are kept by code for the later pieces.
 */
final class PlantBuilder {

    private static final Logger LOG = Logger.getLogger(PlantBuilder.class);

    /** Master data is effective from this day on: before any demo order starts. */
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 1, 1);

    /** A BOM line: component, quantity per parent, scrap factor (or null), the operation that consumes it. */
    record Component(String code, String quantity, String scrap, int operationNo) {
    }

    /** A routing step on a work center, with an optional alternative work center and its own times. */
    record Step(int operationNo, String name, String workCenter, String setup, String run, String transfer,
                String alternative, String alternativeSetup, String alternativeRun) {
        static Step of(int operationNo, String name, String workCenter, String setup, String run) {
            return new Step(operationNo, name, workCenter, setup, run, null, null, null, null);
        }

        Step transfer(String quantity) {
            return new Step(operationNo, name, workCenter, setup, run, quantity, alternative, alternativeSetup, alternativeRun);
        }

        Step or(String workCenter, String setup, String run) {
            return new Step(operationNo, name, this.workCenter, this.setup, this.run, transfer, workCenter, setup, run);
        }
    }

    /** A node of the reason tree; {@code parent} is the code of the node above, or null. */
    record ReasonSpec(String parent, String code, ReasonPurpose purpose, boolean planned, String nameZh, String nameEn) {
    }

    final String enterprise;
    private final PlantServices services;
    private final Map<String, Long> ids = new HashMap<>();
    private final List<Long> productionOrders = new ArrayList<>();
    private LocalDate today;

    PlantBuilder(PlantServices services, String enterprise) {
        this.services = services;
        this.enterprise = enterprise;
    }

    PlantServices services() {
        return services;
    }

    /** The production orders made or found so far, in the order the plant asked for them. */
    List<Long> productionOrders() {
        return List.copyOf(productionOrders);
    }

    /** The plant's today, fixed for the whole seeding. */
    LocalDate today() {
        if (today == null) {
            today = planner(services.clock::today);
        }
        return today;
    }

    /** The id of something made or found earlier, by its code ("WH/STAGE" for a location). */
    long id(String code) {
        Long id = ids.get(code);
        if (id == null) {
            throw new IllegalStateException("demo plant " + enterprise + ": nothing named " + code + " was seeded");
        }
        return id;
    }

    <T> T planner(Callable<T> work) {
        return services.as(enterprise, enterprise + "-planner", Set.of(Role.PLANNER), work);
    }

    <T> T admin(Callable<T> work) {
        return services.as(enterprise, enterprise + "-admin", Set.of(Role.ADMIN, Role.MANAGER), work);
    }

    <T> T operator(Callable<T> work) {
        return services.as(enterprise, enterprise + "-operator", Set.of(Role.OPERATOR), work);
    }

    private long remember(String code, long id) {
        ids.put(code, id);
        return id;
    }

    // ---- equipment and calendars ----

    long site(String code) {
        return remember(code, planner(() -> Site.<Site>find("code", code).firstResultOptional().orElseThrow(
                () -> new IllegalStateException("demo enterprise " + enterprise + " has no site " + code)).id));
    }

    long area(String site, String code, String name) {
        return remember(code, planner(() -> Area.<Area>find("code", code).firstResultOptional().map(a -> a.id)
                .orElseGet(() -> services.equipment.saveArea(null, new AreaRequest(id(site), code, name, null)).id())));
    }

    long calendar(CalendarRequest request) {
        return remember(request.code(), planner(() -> Calendar.<Calendar>find("code", request.code()).firstResultOptional()
                .map(c -> c.id).orElseGet(() -> services.calendars.createCalendar(request).id())));
    }

    long workCenter(String area, String code, String name, int units, String hourlyRate, String calendar,
                    boolean breaksInterrupt) {
        return remember(code, planner(() -> WorkCenter.<WorkCenter>find("code", code).firstResultOptional().map(w -> w.id)
                .orElseGet(() -> services.equipment.saveWorkCenter(null, new WorkCenterRequest(id(area), code, name, units,
                        new BigDecimal(hourlyRate), id(calendar), breaksInterrupt, null)).id())));
    }

    long workUnit(String workCenter, String code, String name) {
        return remember(code, planner(() -> WorkUnit.<WorkUnit>find("code", code).firstResultOptional().map(u -> u.id)
                .orElseGet(() -> services.equipment.saveWorkUnit(null, new WorkUnitRequest(id(workCenter), code, name,
                        true, null)).id())));
    }

    /** Places the PLC simulator's machines (bound by {@link DemoMachines}) on the work units of the same code. */
    void placeMachines(List<String> machineCodes) {
        Map<String, Long> units = new HashMap<>();
        machineCodes.forEach(code -> units.put(code, id(code)));
        admin(() -> {
            services.machines.placeOnWorkUnits(enterprise, units);
            return null;
        });
    }

    // ---- warehouse and stock ----

    long warehouse(String code, String name, String site) {
        return remember(code, planner(() -> Warehouse.<Warehouse>find("code", code).firstResultOptional().map(w -> w.id)
                .orElseGet(() -> services.warehouses.saveWarehouse(null, new WarehouseRequest(code, name, id(site), null))
                        .id())));
    }

    long location(String warehouse, String code, String name) {
        return remember(warehouse + "/" + code, planner(() -> Location.<Location>find("warehouse.id = ?1 and code = ?2",
                        id(warehouse), code).firstResultOptional().map(l -> l.id)
                .orElseGet(() -> services.warehouses.saveLocation(null, new LocationRequest(id(warehouse), code, name,
                        true, null)).id())));
    }

    /** Opening stock, once: the request id makes a second seeding find the first move instead of moving again. */
    void stock(String item, String quantity, String location, String lot, Integer expiresInDays) {
        LocalDate expires = expiresInDays == null ? null : today().plusDays(expiresInDays);
        String requestId = "demo-stock:" + item + ":" + location.replace('/', ':') + (lot == null ? "" : ":" + lot);
        planner(() -> services.inventory.recordMove(new MoveRequest(MoveType.RECEIPT, MoveReason.OPENING_BALANCE, id(item),
                new BigDecimal(quantity), null, null, id(location), lot, expires, "演示期初库存 demo opening stock", null,
                requestId)));
    }

    // ---- items and how they are made ----

    long item(String code, String name, ItemType type, Sourcing sourcing, String unit, int leadTimeDays, String cost,
              Tracking tracking) {
        return remember(code, planner(() -> Item.<Item>find("code", code).firstResultOptional().map(i -> i.id)
                .orElseGet(() -> services.items.createItem(new ItemRequest(code, name, null, type, sourcing,
                        services.units.unitByCode(unit).orElseThrow().id, leadTimeDays, null, null, null, null, null, null,
                        null, new BigDecimal(cost), null, tracking, false, true, null)).id())));
    }

    void bom(String parent, Component... components) {
        planner(() -> {
            if (Bom.count("item.id = ?1 and revision = ?2", id(parent), "A") == 0) {
                List<BomRequest.Line> lines = new ArrayList<>();
                int lineNo = 10;
                for (Component c : components) {
                    lines.add(new BomRequest.Line(lineNo, id(c.code()), new BigDecimal(c.quantity()), null,
                            c.scrap() == null ? null : new BigDecimal(c.scrap()), false, c.operationNo()));
                    lineNo += 10;
                }
                services.boms.saveRevision(null, new BomRequest(id(parent), "A", null, EFFECTIVE, null, lines, null));
            }
            return null;
        });
    }

    void recipe(RecipeRequest request) {
        planner(() -> {
            if (Recipe.count("item.id = ?1 and revision = ?2", request.itemId(), request.revision()) == 0) {
                services.recipes.saveRevision(null, request);
            }
            return null;
        });
    }

    void routing(String item, Step... steps) {
        planner(() -> {
            if (Routing.count("item.id = ?1 and revision = ?2", id(item), "A") == 0) {
                List<RoutingRequest.Operation> operations = new ArrayList<>();
                for (Step s : steps) {
                    List<RoutingRequest.Alternative> alternatives = s.alternative() == null ? List.of()
                            : List.of(new RoutingRequest.Alternative(id(s.alternative()),
                            new BigDecimal(s.alternativeSetup()), new BigDecimal(s.alternativeRun())));
                    operations.add(new RoutingRequest.Operation(s.operationNo(), s.name(), id(s.workCenter()),
                            new BigDecimal(s.setup()), new BigDecimal(s.run()),
                            s.transfer() == null ? null : new BigDecimal(s.transfer()), alternatives));
                }
                services.routings.saveRouting(null, new RoutingRequest(id(item), "A", EFFECTIVE, null, operations, null));
            }
            return null;
        });
    }

    // ---- partners and orders ----

    long partner(String code, String name, boolean customer, boolean supplier) {
        return remember(code, planner(() -> Partner.<Partner>find("code", code).firstResultOptional().map(p -> p.id)
                .orElseGet(() -> services.partners.savePartner(null, new PartnerRequest(code, name, customer, supplier,
                        null, null)).id())));
    }

    /** A confirmed sales order, found again by its note; lines are (item, quantity, days from today, unit price). */
    void salesOrder(String note, String customer, Object[]... lines) {
        planner(() -> {
            SalesOrder order = SalesOrder.<SalesOrder>find("note", note).firstResult();
            long id;
            if (order == null) {
                List<LineRequest> requested = new ArrayList<>();
                for (Object[] l : lines) {
                    requested.add(new LineRequest(null, id((String) l[0]), new BigDecimal((String) l[1]), null,
                            today().plusDays((Integer) l[2]), new BigDecimal((String) l[3])));
                }
                id = services.salesOrders.saveOrder(null, new SalesOrderRequest(null, id(customer), today(), "CNY", note,
                        requested, null)).id();
            } else if (order.status() == SalesOrderStatus.DRAFT) {
                id = order.id;
            } else {
                return null;
            }
            services.salesOrders.changeStatus(id, SalesOrderStatus.CONFIRMED);
            return null;
        });
    }

    /** A production order, found again by its note; kept in {@link #productionOrders()}. */
    long productionOrder(String note, String item, String quantity, int startInDays, int dueInDays) {
        long id = planner(() -> ProductionOrder.<ProductionOrder>find("note", note).firstResultOptional().map(o -> o.id)
                .orElseGet(() -> services.productionOrders.saveOrder(null, new ProductionOrderRequest(null, id(item),
                        new BigDecimal(quantity), today().plusDays(startInDays), today().plusDays(dueInDays), note, null,
                        null), ProductionOrder.Origin.MANUAL).id()));
        productionOrders.add(id);
        return id;
    }

    /** Whether the order still waits for its release. */
    boolean planned(long productionOrder) {
        return planner(() -> services.productionOrders.getOrder(productionOrder).status() == ProductionOrderStatus.PLANNED);
    }

    // ---- the shop floor ----

    void shopFloorSettings(String workCenter, String staging, String receipt, CountingSource counting) {
        admin(() -> {
            if (services.settings.getWorkCenterSettings(id(workCenter)).version() == null) {
                services.settings.saveWorkCenterSettings(id(workCenter), new WorkCenterSettingsRequest(id(staging),
                        id(receipt), counting, null));
            }
            return null;
        });
    }

    void overDeliveryTolerance(String fraction) {
        admin(() -> {
            if (services.settings.getEnterpriseSettings().version() == null) {
                services.settings.saveEnterpriseSettings(new EnterpriseSettingsRequest(new BigDecimal(fraction), null, null));
            }
            return null;
        });
    }

    void reasons(List<ReasonSpec> tree) {
        for (ReasonSpec r : tree) {
            remember("reason:" + r.code(), admin(() -> Reason.<Reason>find("code", r.code()).firstResultOptional()
                    .map(x -> x.id).orElseGet(() -> services.reasons.saveReason(null, new ReasonRequest(
                            r.parent() == null ? null : id("reason:" + r.parent()), r.code(), r.purpose(), r.planned(),
                            r.nameZh(), r.nameEn(), true, null)).id())));
        }
    }

    /**
     * A terminal at the work center. Its token exists only in the answer to the registration, so it is logged once
     * here; an administrator issues a new one at any time (POST /api/mes/terminals/{id}/token).
     */
    void terminal(String code, String name, String workCenter) {
        admin(() -> {
            if (Terminal.count("code", code) == 0) {
                var registered = services.terminals.registerTerminal(new TerminalRequest(code, name, id(workCenter)));
                LOG.infof("Demo terminal %s/%s (%s, id %d) registered; its token, shown only now: %s", enterprise, code,
                        name, registered.id(), registered.token());
            }
            return null;
        });
    }

    /** A badge and PIN for an operator who has none yet. */
    void badge(String username, String badgeNumber, String pin) {
        admin(() -> {
            Long user = UserAccount.findByUsername(username).map(u -> u.id).orElseThrow();
            if (OperatorBadge.count("userId", user) == 0) {
                services.terminals.setBadge(username, new BadgeRequest(badgeNumber, pin));
            }
            return null;
        });
    }
}

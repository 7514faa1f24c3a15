/**
 * The MRP engine: regenerative multi-level planning with pegging, and net change after a sales order line changes.
 * Plain Java (no framework types; {@code MrpArchitectureTest} keeps it so), in memory, no I/O.
 *
 * <h2>Use</h2>
 * <pre>
 *   PlanningInput input = …;                          // records from the database (or the generator)
 *   PlanningModel model = PlanningModel.compile(input); // throws InvalidPlanningInputException (cycles, unknown items…)
 *   MrpEngine engine = new MrpEngine(PlanningParameters.defaults());
 *   MrpPlan plan = engine.plan(model, progress);        // regenerative
 *   PlanningModel changed = model.withSalesOrderLine(line);   // or withoutSalesOrderLine(reference)
 *   MrpPlan next = engine.replanSalesOrderLine(plan, changed, line.reference());
 * </pre>
 *
 * <h2>Packages, each using only those listed before it</h2>
 * <ul>
 * <li>{@link org.pilotline.erp.mrp.engine.input}: the input records, in ERP terms;</li>
 * <li>{@link org.pilotline.erp.mrp.engine.model}: the input compiled into index-based primitive arrays
 *     ({@code PlanningModel}), the lot-sizing rule ({@code LotSizes}), the run's {@code PlanningParameters};</li>
 * <li>{@link org.pilotline.erp.mrp.engine.planning}: the planning itself — one item at a time
 *     ({@code ItemPlanner}), level by level ({@code PlanRunner}) — and its per-item result ({@code ItemPlan});</li>
 * <li>{@link org.pilotline.erp.mrp.engine.plan}: the result as a whole ({@code MrpPlan}) and its records;</li>
 * <li>this package: {@code MrpEngine}, the entry point.</li>
 * </ul>
 *
 * <h2>What an adapter fills ({@link org.pilotline.erp.mrp.engine.input})</h2>
 * {@code PlanningHorizon} (start = today, weeks, week start), {@code WorkingCalendar} (working weekdays, holidays),
 * {@code Item} (make/buy, lead time in working days, lot sizing, safety stock, phantom, the stock unit's decimals),
 * {@code BomVersion}/{@code BomLine} (valid from/to like ERP revisions, base quantity, quantity per, scrap fraction,
 * phantom line, routing),
 * {@code Recipe} (batch size, yield, ingredients, co-/by-products per batch), {@code SalesOrderLine},
 * {@code Forecast} (per item and week), {@code ComponentReservation} (open production orders' unissued
 * components), {@code StockOnHand}, {@code ScheduledReceipt} (open purchase/production orders),
 * {@code FirmedPlannedOrder}. Quantities in the item's stock unit (convert units before).
 *
 * <h2>What it reads ({@link org.pilotline.erp.mrp.engine.plan.MrpPlan})</h2>
 * Planned orders (item, production/purchase, quantity, release and due date, BOM version or recipe, routing,
 * co-/by-product outputs), every item's demand and supply elements, pegs (demand ↔ supply with quantity; surplus
 * pegs have no demand), pegging trees up to the top-level demand and down to the components' supplies, exception
 * messages, the weekly time-phased record, and {@code conversionOf} for turning a planned order into a purchase or
 * production order (with its component reservations). Records are built on request from primitive arrays.
 *
 * <h2>Design</h2>
 * <ul>
 * <li><b>Quantities</b> are {@code BigDecimal} in the API and scaled longs inside: 6 decimal places (micro-units).
 *     Inputs with more decimals round towards more demand (requirements up, supply down). Quantity per × (1 + scrap)
 *     and recipe quantities per batch ÷ (batch size × yield) are exact reduced fractions; dependent requirements
 *     round up to the micro-unit, co-product output down; planned orders round up to the stock unit's decimals.</li>
 * <li><b>Time</b> is working days: a planned order is due on the last working day on or before the need and
 *     released its lead time in working days earlier, so never on a non-working day. Anything dated before today
 *     is netted as of today; demand and receipts after the horizon are outside the plan. Weekly buckets (start day
 *     configurable) serve forecasts, periods of supply and the time-phased record.</li>
 * <li><b>Netting and pegging are one pass</b>, first in first out per item: demands in date order (a stock
 *     deficit, sales orders, reservations, dependent demand, forecast, safety stock on the same day) take stock,
 *     then what earlier planned orders left, then the next receipt if it is due by then or — purchase, production
 *     and firmed orders — within the expedite window (EXPEDITE). What is still missing becomes lot-sized planned
 *     orders. Safety stock is a demand on the earliest day a replenishment released today can arrive; dips before
 *     that are BELOW_SAFETY_STOCK.</li>
 * <li><b>Dependent demand is pulled</b>: an item gathers it from its parents' orders (firmed, then planned) whose
 *     formula uses it, and through phantom lines (a {@code BomLine} flagged phantom, or any line of a phantom item):
 *     the phantom's own BOM version is chosen at the parent order's date and its components are needed then.
 *     Co-product receipts are pulled likewise from producers' orders. So an item's plan is a function of its own
 *     inputs and its parents' orders only; items of one low-level code are planned in parallel.</li>
 * <li><b>Left out on purpose</b> (say so if a plant needs them): a phantom's stock is not netted against its
 *     parents' requirements on phantom lines (only against its other demand); requirements blown through a phantom
 *     line yield no co-products (only real orders do); a co-product receipt is never pulled in (a shortage before it
 *     gets a planned order); recipes scale in fractional batches; lead times are fixed per item (no queue or
 *     quantity-dependent part); firmed orders, receipts and demand due after the horizon are outside the plan.</li>
 * <li><b>Net change</b> re-plans the changed line's item, then level by level every item whose parents' or
 *     producers' orders came out different, and shares every other item's plan with the previous result. It equals
 *     a regenerative run by construction ({@code NetChangeTest} checks it on generated plants).</li>
 * </ul>
 */
package org.pilotline.erp.mrp.engine;

/**
 * MRP planning over a compiled model: {@link org.pilotline.erp.mrp.engine.planning.PlanRunner} plans the items level
 * by level (in parallel within a level), {@link org.pilotline.erp.mrp.engine.planning.ItemPlanner} one item — gross
 * requirements, netting and pegging, lot-sized planned orders, exception messages — into an
 * {@link org.pilotline.erp.mrp.engine.planning.ItemPlan} of primitive records. The hot loops work on primitive
 * arrays that each planner thread keeps from item to item: no boxing, no object per element.
 */
package org.pilotline.erp.mrp.engine.planning;

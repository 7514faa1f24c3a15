/**
 * The planning input compiled for the engine: items, formulas, lines and where-used lists as primitive arrays by
 * index ({@link org.pilotline.erp.mrp.engine.model.Structure}), the calendar as day indices, supply and demand grouped
 * per item, the lot-sizing rule ({@link org.pilotline.erp.mrp.engine.model.LotSizes}), and the run's parameters.
 * Quantities are micro-units ({@link org.pilotline.erp.mrp.engine.model.Quantities}). Immutable once compiled;
 * a net change replaces the sales order lines only.
 */
package org.pilotline.erp.mrp.engine.model;

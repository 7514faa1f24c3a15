package org.pilotline.erp.mrp.generator;

import java.time.LocalDate;

/**
 * The shape of a synthetic plant. Items are spread over {@code levels} BOM levels: finished goods on level 0, raw
 * materials (bought) on the last, make and bought parts in between; every item below level 0 has a parent on the
 * level right above, so the low-level codes are exactly the levels.
 *
 * @param seed                 the same seed and profile always give the same plant
 * @param items                number of items
 * @param levels               BOM levels (low-level codes), at least 2
 * @param bomLines             component lines over all BOM versions and recipe ingredients (about)
 * @param demandLines          open sales order lines, over the horizon
 * @param weeks                weekly buckets of the horizon
 * @param start                the planning date (today)
 * @param finishedShare        share of the items that are finished goods (level 0)
 * @param makeShare            share of make items among levels 1 … levels − 2 (the rest are bought parts)
 * @param phantomShare         share of intermediate make items that are phantoms, and of lines with a made component
 *                             that are phantom lines
 * @param recipes              how many make items are made by a recipe with a co-product (and some a by-product)
 * @param versionSwitchShare   share of BOM-made items with a second BOM version effective inside the horizon
 * @param scrapShare           share of BOM lines with a scrap factor
 * @param lotSizingMix         shares of LOT_FOR_LOT, FIXED_QUANTITY, MIN_MAX_MULTIPLE, PERIODS_OF_SUPPLY below level 0
 *                             (bought items and make items below level 3 take periods of supply instead of
 *                             lot-for-lot; finished goods are lot-for-lot or one week of supply)
 * @param forecastShare        share of finished goods with a weekly forecast
 * @param stockShare           share of items with stock on hand
 * @param safetyStockShare     share of bought items with a safety stock
 * @param openPurchaseOrders   open purchase order lines
 * @param openProductionOrders open production orders (each with component reservations)
 * @param firmedPlannedOrders  firmed planned orders
 * @param holidays             weekday holidays inside the horizon (weekends are off anyway)
 */
public record PlantProfile(long seed, int items, int levels, int bomLines, int demandLines, int weeks,
                           LocalDate start, double finishedShare, double makeShare, double phantomShare, int recipes,
                           double versionSwitchShare, double scrapShare, double[] lotSizingMix, double forecastShare,
                           double stockShare, double safetyStockShare, int openPurchaseOrders,
                           int openProductionOrders, int firmedPlannedOrders, int holidays) {

    public PlantProfile {
        if (levels < 2) {
            throw new IllegalArgumentException("a plant needs at least 2 levels");
        }
        if (items < levels * 4) {
            throw new IllegalArgumentException("too few items for " + levels + " levels");
        }
        if (lotSizingMix.length != 4) {
            throw new IllegalArgumentException("the lot-sizing mix has four shares");
        }
    }

    /** The target plant of the MRP benchmark: 100,000 items, 10 levels, ~300,000 BOM lines, 50,000 demand lines. */
    public static PlantProfile target(long seed) {
        return new PlantProfile(seed, 100_000, 10, 300_000, 50_000, 52, LocalDate.of(2026, 3, 2), 0.05, 0.7, 0.01,
                50, 0.03, 0.1, new double[] {0.25, 0.15, 0.2, 0.4}, 0.2, 0.5, 0.1, 5_000, 1_000, 500, 10);
    }

    /** A small plant of the same make-up, for tests: 2,000 items, 6 levels, 26 weeks. */
    public static PlantProfile small(long seed) {
        return new PlantProfile(seed, 2_000, 6, 6_000, 1_000, 26, LocalDate.of(2026, 3, 2), 0.05, 0.7, 0.02, 8,
                0.05, 0.1, new double[] {0.25, 0.15, 0.2, 0.4}, 0.2, 0.5, 0.1, 150, 40, 20, 4);
    }

    /** This profile scaled to {@code items} items, keeping lines per item and demand per item. */
    public PlantProfile scaledTo(int newItems, int newLevels) {
        double f = (double) newItems / items;
        return new PlantProfile(seed, newItems, newLevels, (int) Math.round(bomLines * f),
                (int) Math.max(1, Math.round(demandLines * f)), weeks, start, finishedShare, makeShare, phantomShare,
                (int) Math.round(recipes * f), versionSwitchShare, scrapShare, lotSizingMix, forecastShare,
                stockShare, safetyStockShare, (int) Math.round(openPurchaseOrders * f),
                (int) Math.round(openProductionOrders * f), (int) Math.round(firmedPlannedOrders * f), holidays);
    }

    public PlantProfile withSize(int newItems, int newLevels, int newBomLines, int newDemandLines, int newWeeks) {
        return new PlantProfile(seed, newItems, newLevels, newBomLines, newDemandLines, newWeeks, start,
                finishedShare, makeShare, phantomShare, recipes, versionSwitchShare, scrapShare, lotSizingMix,
                forecastShare, stockShare, safetyStockShare, openPurchaseOrders, openProductionOrders,
                firmedPlannedOrders, holidays);
    }

    public PlantProfile withSeed(long newSeed) {
        return new PlantProfile(newSeed, items, levels, bomLines, demandLines, weeks, start, finishedShare, makeShare,
                phantomShare, recipes, versionSwitchShare, scrapShare, lotSizingMix, forecastShare, stockShare,
                safetyStockShare, openPurchaseOrders, openProductionOrders, firmedPlannedOrders, holidays);
    }
}

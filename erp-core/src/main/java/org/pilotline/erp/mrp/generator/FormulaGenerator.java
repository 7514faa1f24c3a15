package org.pilotline.erp.mrp.generator;

import org.pilotline.erp.mrp.engine.input.BomLine;
import org.pilotline.erp.mrp.engine.input.BomVersion;
import org.pilotline.erp.mrp.engine.input.OutputKind;
import org.pilotline.erp.mrp.engine.input.PlanningInput;
import org.pilotline.erp.mrp.engine.input.Recipe;
import org.pilotline.erp.mrp.engine.input.RecipeIngredient;
import org.pilotline.erp.mrp.engine.input.RecipeOutput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The formulas of a synthetic plant's made items: a BOM version of their component lines (with scrap and phantom
 * lines now and then), for some a second version that takes over inside the horizon with one line changed, and for
 * a few made items a recipe with a co-product (and sometimes a by-product) instead.
 */
final class FormulaGenerator {

    private final PlantLayout layout;
    private final PlantProfile profile;
    private final SplittableRandom random;
    private final LocalDate start;
    private final long horizonDays;

    FormulaGenerator(PlantLayout layout, SplittableRandom random, LocalDate horizonEnd) {
        this.layout = layout;
        this.profile = layout.profile;
        this.random = random;
        this.start = profile.start();
        this.horizonDays = horizonEnd.toEpochDay() - start.toEpochDay();
    }

    void addFormulas(PlanningInput.Builder plant) {
        Set<Integer> recipeMakers = new HashSet<>();
        List<Integer> candidates = new ArrayList<>();
        for (int depth = 1; depth < profile.levels() - 2; depth++) {
            for (int item : layout.levelItems[depth]) {
                if (layout.make[item] && !layout.phantom[item]) {
                    candidates.add(item);
                }
            }
        }
        while (recipeMakers.size() < Math.min(profile.recipes(), candidates.size())) {
            recipeMakers.add(candidates.get(random.nextInt(candidates.size())));
        }
        for (int item = 0; item < profile.items(); item++) {
            if (!layout.make[item]) {
                continue;
            }
            List<int[]> own = layout.lines.get(item);
            if (recipeMakers.contains(item)) {
                plant.recipe(recipe(item, own));
            } else {
                addBomVersions(plant, item, own);
            }
        }
    }

    private void addBomVersions(PlanningInput.Builder plant, int item, List<int[]> own) {
        String code = layout.code[item];
        List<BomLine> bom = new ArrayList<>(own.size());
        for (int[] line : own) {
            bom.add(bomLine(line));
        }
        String routing = "RT-" + code;
        if (random.nextDouble() < profile.versionSwitchShare() && own.size() > 1) {
            LocalDate switchDay = start.plusDays(21 + random.nextLong(Math.max(1, horizonDays - 42)));
            plant.bom(new BomVersion(code, "1", null, switchDay, BigDecimal.ONE, routing, bom));
            List<BomLine> next = new ArrayList<>(bom);
            int replaced = random.nextInt(next.size());
            int old = own.get(replaced)[0];
            int[] sameLevel = layout.levelItems[layout.level[old]];
            int substitute = sameLevel[random.nextInt(sameLevel.length)];
            boolean duplicate = own.stream().anyMatch(line -> line[0] == substitute);
            BomLine before = next.get(replaced);
            if (!duplicate) {
                next.set(replaced, new BomLine(layout.code[substitute], before.quantityPer(), before.scrapFactor()));
            } else {
                next.set(replaced, new BomLine(before.componentCode(), before.quantityPer().add(BigDecimal.ONE),
                        BigDecimal.ZERO));
            }
            plant.bom(new BomVersion(code, "2", switchDay, null, BigDecimal.ONE, routing, next));
        } else {
            plant.bom(new BomVersion(code, "1", null, null, BigDecimal.ONE, routing, bom));
        }
    }

    private BomLine bomLine(int[] line) {
        int component = line[0];
        BigDecimal scrap = random.nextDouble() < profile.scrapShare()
                ? BigDecimal.valueOf(2 + random.nextInt(9), 2) : BigDecimal.ZERO;
        // besides phantom items, a made component is now and then a phantom on one line only
        boolean phantomLine = layout.make[component] && random.nextDouble() < profile.phantomShare();
        return new BomLine(layout.code[component], BigDecimal.valueOf(line[1], 2), scrap, phantomLine);
    }

    /** Batch of 100 at 90–98 % yield; ingredients per batch from the lines; a co-product on a deeper bought item. */
    private Recipe recipe(int item, List<int[]> own) {
        BigDecimal batch = BigDecimal.valueOf(100);
        BigDecimal yield = BigDecimal.valueOf(90 + random.nextInt(9), 2);
        List<RecipeIngredient> ingredients = new ArrayList<>();
        for (int[] line : own) {
            ingredients.add(new RecipeIngredient(layout.code[line[0]], BigDecimal.valueOf(line[1])));
        }
        List<RecipeOutput> outputs = new ArrayList<>();
        int level = layout.level[item];
        int coProductLevel = level + 1 + random.nextInt(profile.levels() - level - 1);
        int coProduct = pickBought(coProductLevel, own);
        if (coProduct >= 0) {
            outputs.add(new RecipeOutput(layout.code[coProduct], BigDecimal.valueOf(10 + random.nextInt(21)),
                    OutputKind.CO_PRODUCT));
        }
        if (random.nextBoolean()) {
            int byProduct = pickBought(profile.levels() - 1, own);
            if (byProduct >= 0 && byProduct != coProduct) {
                outputs.add(new RecipeOutput(layout.code[byProduct], BigDecimal.valueOf(1 + random.nextInt(5)),
                        OutputKind.BY_PRODUCT));
            }
        }
        String code = layout.code[item];
        return new Recipe(code, "RCP-" + code, null, null, "RT-" + code, batch, yield, ingredients, outputs);
    }

    /** A bought item of the level that is not among {@code exclude}'s components, or -1 after 20 tries. */
    private int pickBought(int atLevel, List<int[]> exclude) {
        int[] candidates = layout.levelItems[atLevel];
        for (int attempt = 0; attempt < 20; attempt++) {
            int candidate = candidates[random.nextInt(candidates.length)];
            if (!layout.make[candidate] && exclude.stream().noneMatch(line -> line[0] == candidate)) {
                return candidate;
            }
        }
        return -1;
    }
}

package org.pilotline.erp.mrp.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The skeleton of a synthetic plant: its items spread over the BOM levels (finished goods on level 0, raw materials
 * on the last, make and bought parts in between), each with a code, lead time and whether it is made, a phantom or
 * kept with decimals, and the component lines of every made item. Every item below level 0 has a parent on the level
 * right above, so the low-level codes are exactly the levels.
 */
final class PlantLayout {

    final PlantProfile profile;
    final int[] level;
    final boolean[] make;
    final boolean[] phantom;
    /** Kept in a unit with decimals (three), so that quantities per are fractions. */
    final boolean[] fractional;
    final int[] leadTime;
    final String[] code;
    /** The items of each level. */
    final int[][] levelItems;
    /** Per item, its component lines: {component, quantity per × 100}. */
    final List<List<int[]>> lines;

    private final SplittableRandom random;

    private PlantLayout(PlantProfile profile, SplittableRandom random) {
        this.profile = profile;
        this.random = random;
        int itemCount = profile.items();
        level = new int[itemCount];
        make = new boolean[itemCount];
        phantom = new boolean[itemCount];
        fractional = new boolean[itemCount];
        leadTime = new int[itemCount];
        code = new String[itemCount];
        levelItems = new int[profile.levels()][];
        lines = new ArrayList<>(itemCount);
    }

    /** Draws the items, then their component lines, from {@code random}. */
    static PlantLayout generate(PlantProfile profile, SplittableRandom random) {
        PlantLayout layout = new PlantLayout(profile, random);
        layout.items();
        layout.componentLines();
        return layout;
    }

    private void items() {
        int itemCount = profile.items();
        int levels = profile.levels();
        int finished = Math.max(1, (int) Math.round(itemCount * profile.finishedShare()));
        double[] weight = new double[levels];
        double totalWeight = 0;
        for (int depth = 1; depth < levels; depth++) {
            weight[depth] = 1 + 0.15 * depth;
            totalWeight += weight[depth];
        }
        int[] size = new int[levels];
        size[0] = finished;
        int left = itemCount - finished;
        for (int depth = 1; depth < levels; depth++) {
            size[depth] = depth == levels - 1 ? left
                    : Math.max(2, (int) Math.round((itemCount - finished) * weight[depth] / totalWeight));
            left -= size[depth];
        }
        int item = 0;
        for (int depth = 0; depth < levels; depth++) {
            levelItems[depth] = new int[size[depth]];
            for (int position = 0; position < size[depth]; position++, item++) {
                levelItems[depth][position] = item;
                level[item] = depth;
                boolean bottom = depth == levels - 1;
                // the first item of every intermediate level is made, so that the level below has a parent
                make[item] = depth == 0 || (!bottom && (position == 0 || random.nextDouble() < profile.makeShare()));
                phantom[item] = make[item] && depth > 0 && position > 0 && random.nextDouble() < profile.phantomShare();
                fractional[item] = !make[item] && random.nextDouble() < 0.1;
                leadTime[item] = phantom[item] ? 0 : make[item] ? 1 + random.nextInt(5) : 3 + random.nextInt(13);
                String prefix = depth == 0 ? "FG" : bottom ? "RM" : make[item] ? "SA" + depth : "PP" + depth;
                code[item] = String.format("%s-%06d", prefix, item);
            }
        }
    }

    /** Every item below level 0 gets a parent on the level above; the remaining lines go to random make items. */
    private void componentLines() {
        int itemCount = profile.items();
        for (int item = 0; item < itemCount; item++) {
            lines.add(make[item] ? new ArrayList<>(6) : List.of());
        }
        int[][] makersAt = new int[profile.levels()][];
        for (int depth = 0; depth < profile.levels(); depth++) {
            makersAt[depth] = Arrays.stream(levelItems[depth]).filter(item -> make[item]).toArray();
        }
        List<Set<Integer>> used = new ArrayList<>(itemCount);
        for (int item = 0; item < itemCount; item++) {
            used.add(make[item] ? new HashSet<>(8) : Set.of());
        }
        int count = 0;
        for (int depth = 1; depth < profile.levels(); depth++) {
            for (int component : levelItems[depth]) {
                int parent = makersAt[depth - 1][random.nextInt(makersAt[depth - 1].length)];
                used.get(parent).add(component);
                lines.get(parent).add(new int[] {component, quantityPer(component)});
                count++;
            }
        }
        // items made on levels 0 … levels-2 without a component yet get one
        for (int depth = 0; depth < profile.levels() - 1; depth++) {
            for (int parent : makersAt[depth]) {
                if (lines.get(parent).isEmpty()) {
                    addRandomLine(parent, used);
                    count++;
                }
            }
        }
        int makerCount = 0;
        for (int depth = 0; depth < profile.levels() - 1; depth++) {
            makerCount += makersAt[depth].length;
        }
        int[] makers = new int[makerCount];
        int next = 0;
        for (int depth = 0; depth < profile.levels() - 1; depth++) {
            for (int parent : makersAt[depth]) {
                makers[next++] = parent;
            }
        }
        int switches = (int) Math.round(makerCount * profile.versionSwitchShare());
        int target = profile.bomLines() - switches * 3; // a second version repeats about three lines
        while (count < target) {
            if (addRandomLine(makers[random.nextInt(makers.length)], used)) {
                count++;
            }
        }
    }

    private boolean addRandomLine(int parent, List<Set<Integer>> used) {
        int parentLevel = level[parent];
        int componentLevel = parentLevel + 1 == profile.levels() - 1 || random.nextDouble() < 0.7 ? parentLevel + 1
                : parentLevel + 1 + random.nextInt(profile.levels() - parentLevel - 1);
        int[] candidates = levelItems[componentLevel];
        int component = candidates[random.nextInt(candidates.length)];
        if (!used.get(parent).add(component)) {
            return false;
        }
        lines.get(parent).add(new int[] {component, quantityPer(component)});
        return true;
    }

    /** Quantity per parent ×100: mostly 1, sometimes 2 to 4; fractional items 0.25 to 2.5. */
    private int quantityPer(int component) {
        if (fractional[component]) {
            return 25 * (1 + random.nextInt(10));
        }
        double draw = random.nextDouble();
        return 100 * (draw < 0.75 ? 1 : draw < 0.92 ? 2 : 3 + random.nextInt(2));
    }
}

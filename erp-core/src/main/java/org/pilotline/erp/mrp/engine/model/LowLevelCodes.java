package org.pilotline.erp.mrp.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Low-level codes by Kahn's algorithm over the parent → component edges of every formula (all BOM versions and
 * recipes, whatever their effectivity) and the product → co-product edges of recipes: an item's code is one more
 * than the largest code of anything it is a component or co-product of, so all its demand and supply sources are
 * planned before it. Items left over lie on or below a cycle; the cycles are reported with their item codes.
 */
final class LowLevelCodes {

    private final StructureCompiler structure;
    private final int itemCount;
    private int levels;
    private int[] levelStart;
    private int[] planningOrder;

    LowLevelCodes(StructureCompiler structure) {
        this.structure = structure;
        this.itemCount = structure.itemCount;
    }

    /** The code of every item, or null after adding the cycles found to {@code problems}. */
    int[] compute(List<InputProblem> problems) {
        int[] parentsLeft = new int[itemCount];
        for (int component : structure.lineComponent) {
            parentsLeft[component]++;
        }
        for (int output = 0; output < structure.outputItem.length; output++) {
            if (structure.outputCoProduct[output]) {
                parentsLeft[structure.outputItem[output]]++;
            }
        }
        int[] code = new int[itemCount];
        int[] queue = new int[itemCount];
        int head = 0;
        int tail = 0;
        for (int item = 0; item < itemCount; item++) {
            if (parentsLeft[item] == 0) {
                queue[tail++] = item;
            }
        }
        while (head < tail) {
            int parent = queue[head++];
            int below = code[parent] + 1;
            for (int formula = structure.formulaStart[parent]; formula < structure.formulaStart[parent + 1];
                 formula++) {
                for (int line = structure.lineStart[formula]; line < structure.lineStart[formula + 1]; line++) {
                    tail = lower(structure.lineComponent[line], below, code, parentsLeft, queue, tail);
                }
                for (int output = structure.outputStart[formula]; output < structure.outputStart[formula + 1];
                     output++) {
                    if (structure.outputCoProduct[output]) {
                        tail = lower(structure.outputItem[output], below, code, parentsLeft, queue, tail);
                    }
                }
            }
        }
        if (tail < itemCount) {
            reportCycles(parentsLeft, problems);
            return null;
        }
        orderByLevel(code);
        return code;
    }

    /** Puts {@code item} at least on level {@code below}; queues it once its last parent is placed. */
    private static int lower(int item, int below, int[] code, int[] parentsLeft, int[] queue, int tail) {
        if (code[item] < below) {
            code[item] = below;
        }
        if (--parentsLeft[item] == 0) {
            queue[tail++] = item;
        }
        return tail;
    }

    /** Items by code, then by index: the planning order. */
    private void orderByLevel(int[] code) {
        int highest = 0;
        for (int level : code) {
            highest = Math.max(highest, level);
        }
        levels = itemCount == 0 ? 0 : highest + 1;
        levelStart = new int[levels + 1];
        for (int level : code) {
            levelStart[level + 1]++;
        }
        CsrArrays.prefixSums(levelStart);
        planningOrder = new int[itemCount];
        int[] next = Arrays.copyOf(levelStart, Math.max(levels, 1));
        for (int item = 0; item < itemCount; item++) {
            planningOrder[next[code[item]]++] = item;
        }
    }

    int levels() {
        return levels;
    }

    int[] levelStart() {
        return levelStart;
    }

    int[] planningOrder() {
        return planningOrder;
    }

    /**
     * Items left with parents not yet placed lie on or below a cycle; walking from one to any such parent must come
     * back to an item already seen, which closes a cycle. Reports up to five disjoint cycles.
     */
    private void reportCycles(int[] parentsLeft, List<InputProblem> problems) {
        boolean[] reported = new boolean[itemCount];
        int found = 0;
        for (int start = 0; start < itemCount && found < 5; start++) {
            if (parentsLeft[start] == 0 || reported[start]) {
                continue;
            }
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> walk = new ArrayList<>();
            int item = start;
            while (!seenAt.containsKey(item)) {
                seenAt.put(item, walk.size());
                walk.add(item);
                item = parentNotPlaced(item, parentsLeft);
            }
            List<Integer> cycle = new ArrayList<>(walk.subList(seenAt.get(item), walk.size()));
            boolean overlaps = cycle.stream().anyMatch(member -> reported[member]);
            for (int walked : walk) {
                reported[walked] = true;
            }
            if (overlaps) {
                continue;
            }
            Collections.reverse(cycle); // the walk went from component to parent
            List<String> codes = new ArrayList<>();
            for (int member : cycle) {
                codes.add(structure.itemCode[member]);
            }
            codes.add(codes.get(0));
            problems.add(new InputProblem("bom-cycle", "BOM/recipe cycle " + String.join(" → ", codes), codes));
            found++;
        }
    }

    private int parentNotPlaced(int item, int[] parentsLeft) {
        for (int use = structure.whereUsedStart[item]; use < structure.whereUsedStart[item + 1]; use++) {
            if (parentsLeft[structure.whereUsedParent[use]] > 0) {
                return structure.whereUsedParent[use];
            }
        }
        for (int output = structure.producerStart[item]; output < structure.producerStart[item + 1]; output++) {
            if (parentsLeft[structure.producer[output]] > 0) {
                return structure.producer[output];
            }
        }
        throw new IllegalStateException("item " + structure.itemCode[item] + " has no remaining parent");
    }
}

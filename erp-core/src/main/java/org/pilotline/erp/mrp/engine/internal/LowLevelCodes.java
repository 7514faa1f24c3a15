package org.pilotline.erp.mrp.engine.internal;

import org.pilotline.erp.mrp.engine.InputProblem;

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

    private final int n;
    private final String[] code;
    private final int[] formulaStart;
    private final int[] lineStart;
    private final int[] lineComponent;
    private final int[] outputStart;
    private final int[] outputItem;
    private final boolean[] outputCo;
    private final int[] usedStart;
    private final int[] usedParent;
    private final int[] producedStart;
    private final int[] producedBy;
    private int levels;
    private int[] levelStart;
    private int[] order;
    private int[] rank;

    LowLevelCodes(int n, String[] code, int[] formulaStart, int[] lineStart, int[] lineComponent, int[] outputStart,
                  int[] outputItem, boolean[] outputCo, int[] usedStart, int[] usedParent, int[] producedStart,
                  int[] producedBy) {
        this.n = n;
        this.code = code;
        this.formulaStart = formulaStart;
        this.lineStart = lineStart;
        this.lineComponent = lineComponent;
        this.outputStart = outputStart;
        this.outputItem = outputItem;
        this.outputCo = outputCo;
        this.usedStart = usedStart;
        this.usedParent = usedParent;
        this.producedStart = producedStart;
        this.producedBy = producedBy;
    }

    /** The code of every item, or null after adding the cycles found to {@code problems}. */
    int[] compute(List<InputProblem> problems) {
        int[] indegree = new int[n];
        for (int c : lineComponent) {
            indegree[c]++;
        }
        for (int o = 0; o < outputItem.length; o++) {
            if (outputCo[o]) {
                indegree[outputItem[o]]++;
            }
        }
        int[] llc = new int[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int p = queue[head++];
            int next = llc[p] + 1;
            for (int f = formulaStart[p]; f < formulaStart[p + 1]; f++) {
                for (int l = lineStart[f]; l < lineStart[f + 1]; l++) {
                    tail = lower(lineComponent[l], next, llc, indegree, queue, tail);
                }
                for (int o = outputStart[f]; o < outputStart[f + 1]; o++) {
                    if (outputCo[o]) {
                        tail = lower(outputItem[o], next, llc, indegree, queue, tail);
                    }
                }
            }
        }
        if (tail < n) {
            reportCycles(indegree, problems);
            return null;
        }
        orderByLevel(llc);
        return llc;
    }

    private static int lower(int c, int next, int[] llc, int[] indegree, int[] queue, int tail) {
        if (llc[c] < next) {
            llc[c] = next;
        }
        if (--indegree[c] == 0) {
            queue[tail++] = c;
        }
        return tail;
    }

    /** Items by code, then by index: the planning order. */
    private void orderByLevel(int[] llc) {
        int max = 0;
        for (int v : llc) {
            max = Math.max(max, v);
        }
        levels = n == 0 ? 0 : max + 1;
        levelStart = new int[levels + 1];
        for (int v : llc) {
            levelStart[v + 1]++;
        }
        for (int v = 0; v < levels; v++) {
            levelStart[v + 1] += levelStart[v];
        }
        order = new int[n];
        rank = new int[n];
        int[] fill = Arrays.copyOf(levelStart, Math.max(levels, 1));
        for (int i = 0; i < n; i++) {
            int at = fill[llc[i]]++;
            order[at] = i;
            rank[i] = at;
        }
    }

    int levels() {
        return levels;
    }

    int[] levelStart() {
        return levelStart;
    }

    int[] order() {
        return order;
    }

    int[] rank() {
        return rank;
    }

    /**
     * Items left with a positive in-degree lie on or below a cycle; walking from one to any remaining parent must
     * come back to an item already seen, which closes a cycle. Reports up to five disjoint cycles.
     */
    private void reportCycles(int[] indegree, List<InputProblem> problems) {
        boolean[] reported = new boolean[n];
        int found = 0;
        for (int start = 0; start < n && found < 5; start++) {
            if (indegree[start] == 0 || reported[start]) {
                continue;
            }
            Map<Integer, Integer> seenAt = new HashMap<>();
            List<Integer> walk = new ArrayList<>();
            int x = start;
            while (!seenAt.containsKey(x)) {
                seenAt.put(x, walk.size());
                walk.add(x);
                x = remainingParent(x, indegree);
            }
            List<Integer> cycle = new ArrayList<>(walk.subList(seenAt.get(x), walk.size()));
            boolean overlaps = cycle.stream().anyMatch(i -> reported[i]);
            for (int i : walk) {
                reported[i] = true;
            }
            if (overlaps) {
                continue;
            }
            Collections.reverse(cycle); // the walk went from component to parent
            List<String> codes = new ArrayList<>();
            for (int i : cycle) {
                codes.add(code[i]);
            }
            codes.add(codes.get(0));
            problems.add(new InputProblem("bom-cycle", "BOM/recipe cycle " + String.join(" → ", codes), codes));
            found++;
        }
    }

    private int remainingParent(int x, int[] indegree) {
        for (int u = usedStart[x]; u < usedStart[x + 1]; u++) {
            if (indegree[usedParent[u]] > 0) {
                return usedParent[u];
            }
        }
        for (int p = producedStart[x]; p < producedStart[x + 1]; p++) {
            if (indegree[producedBy[p]] > 0) {
                return producedBy[p];
            }
        }
        throw new IllegalStateException("item " + code[x] + " has no remaining parent");
    }
}

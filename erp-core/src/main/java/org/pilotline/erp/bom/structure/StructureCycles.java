package org.pilotline.erp.bom.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Finds the cycle a new or changed structure would close. Every version counts, whatever its dates, because any of
 * them may be effective on some day; co-products do not, since nothing is made from them here.
 */
public final class StructureCycles {

    private StructureCycles() {
    }

    /**
     * The cycle that giving {@code parent} these components would make, as item ids from the parent back to it
     * ([A, B, C, A]), or empty. {@code componentsOf} answers the components of every version of an item.
     */
    public static Optional<List<Long>> cycleThrough(long parent, Iterable<Long> components, LongFunction<Set<Long>> componentsOf) {
        Set<Long> explored = new HashSet<>();
        for (long component : components) {
            List<Long> path = new ArrayList<>(List.of(parent));
            if (reaches(component, parent, componentsOf, explored, path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static boolean reaches(long from, long target, LongFunction<Set<Long>> componentsOf, Set<Long> explored,
                                   List<Long> path) {
        path.add(from);
        if (from == target) {
            return true;
        }
        if (explored.add(from)) {
            for (long next : componentsOf.apply(from)) {
                if (reaches(next, target, componentsOf, explored, path)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}

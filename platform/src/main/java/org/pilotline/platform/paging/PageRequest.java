package org.pilotline.platform.paging;

import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;

import io.quarkus.panache.common.Sort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Paging and sorting as a client asks for it ({@code ?page=0&size=50&sort=code,-name}), checked against the fields
 * a list allows to be sorted on so that a client can never inject a column name.
 */
public record PageRequest(int page, int size, List<String> sort) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;

    public static PageRequest of(Integer page, Integer size, String sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw DomainException.invalid("invalid-paging", "Invalid paging",
                    new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw DomainException.invalid("invalid-paging", "Invalid paging",
                    new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if ((long) p * s > Integer.MAX_VALUE - s) {
            // the database's offset (page × size) is an int: a page past it would overflow into a negative offset
            throw DomainException.invalid("invalid-paging", "Invalid paging",
                    new FieldError("page", "is too large: page × size must stay below " + Integer.MAX_VALUE));
        }
        List<String> keys = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String key : sort.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.trim());
                }
            }
        }
        return new PageRequest(p, s, List.copyOf(keys));
    }

    /**
     * The Panache sort for this request. {@code allowed} maps the names a client may use to entity paths; a leading
     * '-' sorts descending. {@code tieBreaker} is appended so that paging is stable.
     */
    public Sort toSort(Map<String, String> allowed, String tieBreaker) {
        Sort result = null;
        for (String key : sort) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            String path = allowed.get(name);
            if (path == null) {
                throw DomainException.invalid("invalid-sort", "Invalid sort",
                        new FieldError("sort", "cannot sort by '" + name + "'; allowed: "
                                + String.join(", ", allowed.keySet().stream().sorted().toList())));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            result = result == null ? Sort.by(path, direction) : result.and(path, direction);
        }
        return result == null ? Sort.by(tieBreaker) : result.and(tieBreaker);
    }
}

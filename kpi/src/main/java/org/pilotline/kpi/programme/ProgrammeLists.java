package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import org.pilotline.platform.paging.PageRequest;

import java.util.Map;

/** How the programme's lists are ordered: each list's own order, unless the client sorts by fields the list allows. */
final class ProgrammeLists {

    private ProgrammeLists() {
    }

    /** {@code usual} when the request names no sort, else its sort (400 `invalid-sort` naming `sort` otherwise). */
    static Sort sort(PageRequest page, Map<String, String> allowed, Sort usual) {
        return page.sort().isEmpty() ? usual : page.toSort(allowed, "id");
    }
}

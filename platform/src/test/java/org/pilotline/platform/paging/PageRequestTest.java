package org.pilotline.platform.paging;

import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.DomainException;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void sortKeysMapToEntityPathsWithDirectionsAndATieBreaker() {
        var sort = PageRequest.of(0, 10, "name,-code").toSort(Map.of("name", "name", "code", "code"), "id");
        assertEquals(3, sort.getColumns().size());
        assertEquals("name", sort.getColumns().get(0).getName());
        assertEquals(io.quarkus.panache.common.Sort.Direction.Descending, sort.getColumns().get(1).getDirection());
        assertEquals("id", sort.getColumns().get(2).getName());
    }

    @Test
    void anUnknownSortKeyIsRefusedNamingTheField() {
        DomainException refused = assertThrows(DomainException.class,
                () -> PageRequest.of(0, 10, "password").toSort(Map.of("name", "name"), "id"));
        assertEquals("sort", refused.fieldErrors().get(0).field());
    }

    @Test
    void pageSizeIsBounded() {
        assertThrows(DomainException.class, () -> PageRequest.of(0, 0, null));
        assertThrows(DomainException.class, () -> PageRequest.of(0, PageRequest.MAX_SIZE + 1, null));
        assertEquals(PageRequest.DEFAULT_SIZE, PageRequest.of(null, null, null).size());
    }
}

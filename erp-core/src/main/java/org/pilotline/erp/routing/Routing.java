package org.pilotline.erp.routing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.pilotline.erp.item.ItemRevision;

import java.util.ArrayList;
import java.util.List;

/** A revision of the ordered operations that make an item, effective from {@code validFrom} until {@code validTo}. */
@Entity
@Table(name = "routing")
public class Routing extends ItemRevision {

    @OneToMany(mappedBy = "routing", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("operationNo")
    public List<RoutingOperation> operations = new ArrayList<>();
}

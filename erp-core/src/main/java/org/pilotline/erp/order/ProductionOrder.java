package org.pilotline.erp.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.pilotline.erp.bom.Bom;
import org.pilotline.erp.bom.Recipe;
import org.pilotline.platform.tenancy.Versioned;
import org.pilotline.erp.item.Item;
import org.pilotline.erp.routing.Routing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An order to make a quantity of an item by a date, with the structure and routing revisions it follows. */
@Entity
@Table(name = "production_order")
public class ProductionOrder extends Versioned {

    public enum Origin {MANUAL, MRP}

    @Column(nullable = false, length = 32)
    public String number;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "item_id")
    public Item item;

    /** In the item's stock unit. */
    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal quantity;

    @Column(name = "completed_quantity", nullable = false, precision = 20, scale = 6)
    public BigDecimal completedQuantity = BigDecimal.ZERO;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProductionOrderStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "bom_id")
    public Bom bom;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recipe_id")
    public Recipe recipe;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "routing_id")
    public Routing routing;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Origin origin;

    @Column(length = 500)
    public String note;

    /** Scheduling weight: the cost of a minute of lateness relative to other orders (default 1). */
    @Column(nullable = false)
    public int priority = 1;
}

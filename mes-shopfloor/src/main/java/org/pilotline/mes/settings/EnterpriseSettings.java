package org.pilotline.mes.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

import java.math.BigDecimal;

/** The enterprise's shop-floor rules. Missing settings mean the defaults of {@link ShopFloorSettings}. */
@Entity
@Table(name = "mes_enterprise_settings")
public class EnterpriseSettings extends Versioned {

    /** How much more good quantity than ordered a work order may yield, as a fraction (0.05 is 5 %). */
    @Column(name = "over_delivery_tolerance", nullable = false, precision = 9, scale = 6)
    public BigDecimal overDeliveryTolerance;

    /** A scrap report above this fraction of the order quantity raises a non-conformance; null: never. */
    @Column(name = "scrap_ncr_threshold", precision = 9, scale = 6)
    public BigDecimal scrapNcrThreshold;
}

package org.pilotline.mes.reason;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.pilotline.platform.tenancy.Versioned;

/**
 * A node of the enterprise's reason tree: a category, or a reason an operator chooses for a stop, a pause or scrap,
 * planned (ISO 22400 planned down time) or not, with its Chinese and English name.
 */
@Entity
@Table(name = "mes_reason")
public class Reason extends Versioned {

    @Column(name = "parent_id")
    public Long parentId;

    @Column(nullable = false, length = 32)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ReasonPurpose purpose;

    @Column(nullable = false)
    public boolean planned;

    @Column(name = "name_zh", nullable = false, length = 100)
    public String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    public String nameEn;

    @Column(nullable = false)
    public boolean active = true;
}

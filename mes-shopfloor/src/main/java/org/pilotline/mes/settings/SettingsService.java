package org.pilotline.mes.settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.inventory.Location;
import org.pilotline.mes.settings.SettingsViews.EnterpriseSettingsRequest;
import org.pilotline.mes.settings.SettingsViews.EnterpriseSettingsView;
import org.pilotline.mes.settings.SettingsViews.WorkCenterSettingsRequest;
import org.pilotline.mes.settings.SettingsViews.WorkCenterSettingsView;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.quantity.Decimals;
import org.pilotline.platform.tenancy.TenantContext;

/** Changing the enterprise's and the work centers' shop-floor settings. */
@ApplicationScoped
public class SettingsService {

    @Inject
    TenantContext tenant;

    @Inject
    ShopFloorSettings settings;

    @Inject
    EntityManager em;

    public EnterpriseSettingsView getEnterpriseSettings() {
        tenant.requireEnterprise();
        return settings.enterprise().map(SettingsService::view).orElse(
                new EnterpriseSettingsView(ShopFloorSettings.DEFAULT_OVER_DELIVERY_TOLERANCE, null, null));
    }

    @Transactional
    public EnterpriseSettingsView saveEnterpriseSettings(EnterpriseSettingsRequest r) {
        tenant.requireEnterprise();
        EnterpriseSettings s = settings.enterprise().orElse(null);
        if (s == null) {
            s = new EnterpriseSettings();
        } else {
            Versions.requireCurrent("Shop-floor settings", "enterprise", r.version(), s.version);
        }
        s.overDeliveryTolerance = r.overDeliveryTolerance();
        s.scrapNcrThreshold = r.scrapNcrThreshold();
        em.persist(s);
        em.flush();
        return view(s);
    }

    public WorkCenterSettingsView getWorkCenterSettings(long workCenterId) {
        tenant.requireEnterprise();
        Lookups.require(WorkCenter.class, "Work center", workCenterId);
        return settings.workCenter(workCenterId).map(SettingsService::view)
                .orElse(new WorkCenterSettingsView(workCenterId, null, null, CountingSource.TERMINAL, null));
    }

    @Transactional
    public WorkCenterSettingsView saveWorkCenterSettings(long workCenterId, WorkCenterSettingsRequest r) {
        tenant.requireEnterprise();
        Lookups.require(WorkCenter.class, "Work center", workCenterId);
        if (r.stagingLocationId() != null) {
            Lookups.reference(Location.class, "Location", r.stagingLocationId(), "stagingLocationId");
        }
        if (r.receiptLocationId() != null) {
            Lookups.reference(Location.class, "Location", r.receiptLocationId(), "receiptLocationId");
        }
        WorkCenterSettings s = settings.workCenter(workCenterId).orElse(null);
        if (s == null) {
            s = new WorkCenterSettings();
            s.workCenterId = workCenterId;
        } else {
            Versions.requireCurrent("Work center settings", workCenterId, r.version(), s.version);
        }
        s.stagingLocationId = r.stagingLocationId();
        s.receiptLocationId = r.receiptLocationId();
        s.countingSource = r.countingSource();
        em.persist(s);
        em.flush();
        return view(s);
    }

    private static EnterpriseSettingsView view(EnterpriseSettings s) {
        return new EnterpriseSettingsView(Decimals.plain(s.overDeliveryTolerance), Decimals.plain(s.scrapNcrThreshold),
                s.version);
    }

    private static WorkCenterSettingsView view(WorkCenterSettings s) {
        return new WorkCenterSettingsView(s.workCenterId, s.stagingLocationId, s.receiptLocationId, s.countingSource,
                s.version);
    }
}

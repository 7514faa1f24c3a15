package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pilotline.erp.enterprise.PlantClock;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.ZoneId;
import java.util.Date;

/**
 * When an approval waits too long: two working days of the enterprise after now, on the engine's clock (so that tests
 * drive it with Camunda's ClockUtil).
 */
@ApplicationScoped
public class ApprovalDeadline {

    /** Working days an approver has before the approval escalates. */
    public static final int WORKING_DAYS = 2;

    @Inject
    PlantClock plantClock;

    public Date after(String tenantId) {
        ZoneId zone = TenantContext.callAs(tenantId, plantClock::zone);
        return Date.from(WorkingDays.after(ClockUtil.getCurrentTime().toInstant(), zone, WORKING_DAYS));
    }
}

package org.pilotline.bpm.purchase;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.pilotline.bpm.common.EnterpriseCalendar;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.Date;

/**
 * When an approval waits too long: two working days of the enterprise after now, on the engine's clock (so that tests
 * drive it with Camunda's ClockUtil). The working days are those of the enterprise's working calendar
 * ({@link EnterpriseCalendar}: its weekdays with shifts, less its holidays, in its zone; Monday to Friday in the
 * plant's zone when it keeps no calendar), read when the approval step starts.
 */
@ApplicationScoped
public class ApprovalDeadline {

    /** Working days an approver has before the approval escalates. */
    public static final int WORKING_DAYS = 2;

    @Inject
    EnterpriseCalendar calendars;

    public Date after(String tenantId) {
        EnterpriseCalendar.Chosen chosen = TenantContext.callAs(tenantId, calendars::current);
        return Date.from(WorkingDays.after(ClockUtil.getCurrentTime().toInstant(), chosen.calendar(), WORKING_DAYS));
    }
}

package org.pilotline.app.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.erp.enterprise.EnterpriseService;
import org.pilotline.erp.enterprise.ManufacturingType;
import org.pilotline.erp.enterprise.UnifiedSocialCreditCode;
import org.pilotline.erp.enterprise.EnterpriseRequest;
import org.pilotline.erp.equipment.SiteService;
import org.pilotline.erp.equipment.SiteRequest;
import org.pilotline.platform.security.Role;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.erp.security.UserService;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Seeds the demo programme of the single-server default: a discrete and a process-type pilot enterprise with their
 * users, a bureau user, a paired expert and the platform administrator, all with the demo password. Only what is
 * missing is created, so restarts keep everything users changed. Never enabled in prod.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** The demo logins, for the start-up banner. */
    public static final List<String> LOGINS = List.of("admin", "demo-admin", "demo-planner", "demo-operator",
            "demo2-admin", "demo2-planner", "demo2-operator", "bureau", "expert");

    @Inject
    PilotLineConfig config;

    @Inject
    EnterpriseService enterprises;

    @Inject
    UserService users;

    @Inject
    SiteService sites;

    /**
     * The demo password hashed once for all demo logins (they share that published password anyway): nine bcrypt
     * hashes at cost 12 were ≈ 2.5 s of the first start.
     */
    private String demoPasswordHash;

    /** Not one transaction: each enterprise commits before its sites are created in the enterprise's own tenant. */
    @ActivateRequestContext
    void onStart(@Observes @Priority(30) StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        enterprise(new EnterpriseRequest("demo", "杭州示范阀门制造有限公司 (Hangzhou Demo Valve Co.)",
                UnifiedSocialCreditCode.withCheckCharacter("91330100MA2H7XQ40"), "通用设备制造 / valves",
                ManufacturingType.DISCRETE, LocalDate.of(2026, 3, 1), "Asia/Shanghai"),
                new SiteRequest("HZ1", "萧山工厂 Xiaoshan plant", "杭州市萧山区", null, null));
        enterprise(new EnterpriseRequest("demo2", "苏州示范食品配料有限公司 (Suzhou Demo Food Ingredients Co.)",
                UnifiedSocialCreditCode.withCheckCharacter("91320500MA1W2K8N0"), "食品制造 / food ingredients",
                ManufacturingType.PROCESS, LocalDate.of(2026, 5, 1), "Asia/Shanghai"),
                new SiteRequest("SZ1", "吴中工厂 Wuzhong plant", "苏州市吴中区", null, null));
        user("admin", "Platform administrator", null, Set.of(Role.ADMIN), Set.of());
        for (String code : List.of("demo", "demo2")) {
            user(code + "-admin", code + " administrator", code, Set.of(Role.ADMIN, Role.MANAGER), Set.of());
            user(code + "-planner", code + " planner", code, Set.of(Role.PLANNER), Set.of());
            user(code + "-operator", code + " operator", code, Set.of(Role.OPERATOR), Set.of());
        }
        user("bureau", "City technology bureau", null, Set.of(Role.BUREAU), Set.of());
        user("expert", "Paired expert", null, Set.of(Role.EXPERT), Set.of("demo", "demo2"));
    }

    private void enterprise(EnterpriseRequest request, SiteRequest site) {
        if (Enterprise.findByCode(request.code()).isPresent()) {
            return;
        }
        enterprises.provision(request);
        TenantContext.runAs(request.code(), () -> sites.createSite(site));
        LOG.infof("Demo enterprise '%s' created", request.code());
    }

    private void user(String username, String name, String enterprise, Set<Role> roles, Set<String> assigned) {
        if (UserAccount.findByUsername(username).isEmpty()) {
            if (demoPasswordHash == null) {
                demoPasswordHash = users.hash(config.demo().password());
            }
            users.provisionHashed(username, name, demoPasswordHash, enterprise, roles, assigned);
        }
    }
}

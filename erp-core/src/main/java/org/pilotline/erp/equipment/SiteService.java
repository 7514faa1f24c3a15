package org.pilotline.erp.equipment;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/** Plant sites of the caller's enterprise. */
@ApplicationScoped
public class SiteService {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name");

    @Inject
    TenantContext tenant;

    @Transactional
    public SiteView createSite(SiteRequest request) {
        String enterprise = tenant.requireEnterprise();
        requireCodeFree(request.code(), null);
        Site site = new Site();
        site.code = request.code();
        apply(site, request, enterprise);
        site.persist();
        return SiteView.of(site);
    }

    @Transactional
    public SiteView updateSite(long id, SiteRequest request) {
        String enterprise = tenant.requireEnterprise();
        Site site = find(id);
        Versions.requireCurrent("Site", id, request.version(), site.version);
        requireCodeFree(request.code(), id);
        site.code = request.code();
        apply(site, request, enterprise);
        Site.flush();
        return SiteView.of(site);
    }

    @Transactional
    public void deleteSite(long id) {
        tenant.requireEnterprise();
        find(id).delete();
    }

    public SiteView getSite(long id) {
        tenant.requireEnterprise();
        return SiteView.of(find(id));
    }

    public Page<SiteView> listSites(PageRequest page, String text) {
        tenant.requireEnterprise();
        Parameters params = new Parameters();
        String where = "1 = 1";
        if (text != null && !text.isBlank()) {
            where = "lower(code) like :text or lower(name) like :text";
            params.and("text", "%" + text.toLowerCase() + "%");
        }
        var query = Site.<Site>find(where, page.toSort(SORTABLE, "id"), params.map());
        return new Page<>(query.page(page.page(), page.size()).list().stream().map(SiteView::of).toList(),
                page.page(), page.size(), query.count());
    }

    /** Hibernate's tenant filter makes another enterprise's site invisible here: it is not found, like a missing one. */
    private static Site find(long id) {
        return Site.<Site>find("id", id).firstResultOptional().orElseThrow(() -> DomainException.notFound("Site", id));
    }

    private static void apply(Site site, SiteRequest request, String enterprise) {
        String zone = request.timeZone();
        if (zone == null || zone.isBlank()) {
            zone = Enterprise.findByCode(enterprise).map(e -> e.timeZone).orElse("UTC");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw DomainException.invalid("invalid-site", "The site is not valid",
                    new FieldError("timeZone", "'" + zone + "' is not an IANA time zone"));
        }
        site.name = request.name();
        site.address = request.address();
        site.timeZone = zone;
    }

    private static void requireCodeFree(String code, Long exceptId) {
        Site other = Site.<Site>find("code", code).firstResult();
        if (other != null && !other.id.equals(exceptId)) {
            throw DomainException.conflict("duplicate-code", "The code is taken",
                    "There is already a site '" + code + "'", new FieldError("code", "is already used by another site"));
        }
    }
}

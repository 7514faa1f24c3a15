package org.pilotline.mes.reason;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.pilotline.mes.reason.ReasonViews.ReasonNode;
import org.pilotline.mes.reason.ReasonViews.ReasonRequest;
import org.pilotline.platform.audit.AuditAction;
import org.pilotline.platform.audit.SecurityAudit;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.tenancy.TenantContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The enterprise's reason tree: categories group reasons; a reason's children, if any, are more precise reasons. */
@ApplicationScoped
public class ReasonService {

    @Inject
    SecurityAudit audit;

    @Inject
    TenantContext tenant;

    @Inject
    EntityManager em;

    public List<ReasonNode> tree(ReasonPurpose purpose) {
        tenant.requireEnterprise();
        List<Reason> all = em.createQuery("select r from Reason r order by r.code", Reason.class).getResultList();
        Map<Long, List<Reason>> children = new HashMap<>();
        List<Reason> roots = new ArrayList<>();
        for (Reason r : all) {
            if (r.parentId == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parentId, k -> new ArrayList<>()).add(r);
            }
        }
        return roots.stream().map(r -> node(r, children)).filter(n -> purpose == null || contains(n, purpose)).toList();
    }

    @Transactional
    public ReasonNode saveReason(Long id, ReasonRequest r) {
        tenant.requireEnterprise();
        Reason reason;
        if (id == null) {
            reason = new Reason();
        } else {
            reason = Lookups.require(Reason.class, "Reason", id);
            Versions.requireCurrent("Reason", id, r.version(), reason.version);
        }
        Lookups.requireFree(Reason.find("code", r.code()), "Reason", r.code(), id);
        if (r.parentId() != null) {
            Reason parent = Lookups.reference(Reason.class, "Reason", r.parentId(), "parentId");
            for (Reason up = parent; up != null; up = up.parentId == null ? null : em.find(Reason.class, up.parentId)) {
                if (up.id.equals(id)) {
                    throw DomainException.invalid("reason-cycle", "A reason cannot be under itself",
                            new FieldError("parentId", "would put reason '" + r.code() + "' under itself"));
                }
            }
        }
        reason.parentId = r.parentId();
        reason.code = r.code();
        reason.purpose = r.purpose();
        reason.planned = r.planned();
        reason.nameZh = r.nameZh();
        reason.nameEn = r.nameEn();
        reason.active = r.active() == null || r.active();
        em.persist(reason);
        em.flush();
        // reasons classify downtime into planned and unplanned time, and so move availability and OEE: audited
        audit.record(id == null ? AuditAction.REASON_CREATED : AuditAction.REASON_UPDATED, tenant.requireEnterprise(),
                "reason:" + reason.code, reason.purpose + (reason.planned ? ", planned" : ", unplanned")
                        + (reason.parentId == null ? "" : ", under " + reason.parentId) + ", " + reason.nameEn
                        + " / " + reason.nameZh + (reason.active ? "" : ", inactive"));
        return node(reason, Map.of());
    }

    private static ReasonNode node(Reason r, Map<Long, List<Reason>> children) {
        return new ReasonNode(r.id, r.parentId, r.code, r.purpose, r.planned, r.nameZh, r.nameEn, r.active, r.version,
                children.getOrDefault(r.id, List.of()).stream().map(c -> node(c, children)).toList());
    }

    private static boolean contains(ReasonNode node, ReasonPurpose purpose) {
        return node.purpose() == purpose || node.children().stream().anyMatch(c -> contains(c, purpose));
    }
}

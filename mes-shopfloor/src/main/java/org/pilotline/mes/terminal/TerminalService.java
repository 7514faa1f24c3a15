package org.pilotline.mes.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import org.pilotline.platform.audit.AuditAction;
import org.pilotline.platform.audit.SecurityAudit;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.pilotline.erp.equipment.WorkCenter;
import org.pilotline.erp.security.PasswordHasher;
import org.pilotline.erp.security.SecurityConfig;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.mes.terminal.TerminalViews.BadgeRequest;
import org.pilotline.mes.terminal.TerminalViews.BadgeView;
import org.pilotline.mes.terminal.TerminalViews.OperatorBadgeView;
import org.pilotline.mes.terminal.TerminalViews.SignInRequest;
import org.pilotline.mes.terminal.TerminalViews.TerminalRequest;
import org.pilotline.mes.terminal.TerminalViews.TerminalSessionView;
import org.pilotline.mes.terminal.TerminalViews.TerminalView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;
import org.pilotline.platform.tenancy.TenantContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Terminals and the operators who sign in at them: registration (the token is shown once), revocation, badges and
 * PINs, and signing in and out at a terminal.
 */
@ApplicationScoped
public class TerminalService {

    @Inject
    TenantContext tenant;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    TerminalDirectory directory;

    @Inject
    SecurityConfig security;

    @Inject
    SecurityAudit audit;

    @Transactional
    public TerminalView registerTerminal(TerminalRequest r) {
        tenant.requireEnterprise();
        Lookups.reference(WorkCenter.class, "Work center", r.workCenterId(), "workCenterId");
        Lookups.requireFree(Terminal.find("code", r.code()), "Terminal", r.code(), null);
        String token = TerminalTokens.newToken();
        Terminal terminal = new Terminal();
        terminal.code = r.code();
        terminal.name = r.name();
        terminal.workCenterId = r.workCenterId();
        terminal.tokenHash = TerminalTokens.hash(token);
        terminal.tokenHint = TerminalTokens.hint(token);
        terminal.registeredAt = Instant.now();
        terminal.registeredBy = caller.username();
        terminal.persist();
        em.flush();
        audit.record(AuditAction.TERMINAL_REGISTERED, tenant.requireEnterprise(), "terminal:" + terminal.code,
                "work center " + terminal.workCenterId + ", token ending " + terminal.tokenHint);
        return TerminalView.of(terminal, token);
    }

    /** Revokes the terminal's token at once on this replica (within seconds on the others); it cannot be undone. */
    @Transactional
    public TerminalView revokeTerminal(long id) {
        tenant.requireEnterprise();
        Terminal terminal = Lookups.require(Terminal.class, "Terminal", id);
        if (terminal.revokedAt == null) {
            terminal.revokedAt = Instant.now();
            terminal.operatorName = null;
            terminal.operatorUserId = null;
            closeSessions(terminal.id);
            audit.record(AuditAction.TERMINAL_REVOKED, tenant.requireEnterprise(), "terminal:" + terminal.code, null);
        }
        directory.forget(terminal.tokenHash);
        return TerminalView.of(terminal, null);
    }

    /**
     * Gives a terminal a new token, shown once, and makes the old one worthless at once on this replica (within
     * seconds on the others), as a revocation does; code, work center and report numbering stay. Whoever was signed in
     * is signed out: the holder of the new token signs in with badge and PIN. A revoked terminal stays revoked.
     */
    @Transactional
    public TerminalView issueNewToken(long id) {
        tenant.requireEnterprise();
        Terminal terminal = Lookups.require(Terminal.class, "Terminal", id);
        if (terminal.revokedAt != null) {
            throw DomainException.conflict("terminal-revoked", "The terminal is revoked",
                    "Terminal " + terminal.code + " was revoked at " + terminal.revokedAt + "; register a new one");
        }
        String previousHash = terminal.tokenHash;
        String token = TerminalTokens.newToken();
        terminal.tokenHash = TerminalTokens.hash(token);
        terminal.tokenHint = TerminalTokens.hint(token);
        terminal.operatorName = null;
        terminal.operatorUserId = null;
        closeSessions(terminal.id);
        em.flush();
        directory.forget(previousHash);
        audit.record(AuditAction.TERMINAL_TOKEN_ISSUED, tenant.requireEnterprise(), "terminal:" + terminal.code,
                "new token ending " + terminal.tokenHint);
        return TerminalView.of(terminal, token);
    }

    public Page<TerminalView> listTerminals(PageRequest page, Long workCenterId) {
        tenant.requireEnterprise();
        var filter = new Lookups.Filter().and(workCenterId != null, "workCenterId = :wc", "wc", () -> workCenterId);
        return Lookups.page(Terminal.<Terminal>find(filter.where(), page.toSort(Map.of("code", "code"), "id"),
                filter.parameters()), page, t -> TerminalView.of(t, null));
    }

    public TerminalView getTerminal(long id) {
        tenant.requireEnterprise();
        return TerminalView.of(Lookups.require(Terminal.class, "Terminal", id), null);
    }

    /**
     * The enterprise's operators (accounts with the operator role, disabled ones too) with their badge numbers, by user
     * name; an operator without a badge has none yet.
     */
    public List<OperatorBadgeView> operatorBadges() {
        String enterprise = tenant.requireEnterprise();
        List<Object[]> operators = em.createQuery("select u.id, u.username, u.displayName, u.enabled from UserAccount u"
                        + " join u.roles r where u.enterpriseCode = :enterprise and r = :role order by u.username",
                Object[].class).setParameter("enterprise", enterprise).setParameter("role", Role.OPERATOR).getResultList();
        if (operators.isEmpty()) {
            return List.of();
        }
        Map<Long, String> numbers = new java.util.HashMap<>();
        em.createQuery("select b.userId, b.badgeNumber from OperatorBadge b where b.userId in :ids", Object[].class)
                .setParameter("ids", operators.stream().map(o -> (Long) o[0]).toList()).getResultList()
                .forEach(b -> numbers.put((Long) b[0], (String) b[1]));
        return operators.stream().map(o -> new OperatorBadgeView((Long) o[0], (String) o[1], (String) o[2],
                (Boolean) o[3], numbers.get((Long) o[0]))).toList();
    }

    /**
     * Takes an operator's badge away (lost, or the person left): the badge and PIN no longer sign in, and wherever the
     * operator is signed in they are signed out. 404 for a user of another enterprise or one without a badge.
     */
    @Transactional
    public void removeBadge(String username) {
        long userId = enterpriseUserId(username);
        OperatorBadge badge = OperatorBadge.<OperatorBadge>find("userId", userId).firstResult();
        if (badge == null) {
            throw DomainException.notFound("Badge of user", username);
        }
        String number = badge.badgeNumber;
        badge.delete();
        for (Terminal terminal : em.createQuery("select t from Terminal t where t.operatorUserId = :user", Terminal.class)
                .setParameter("user", userId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            closeSessions(terminal.id);
            terminal.operatorUserId = null;
            terminal.operatorName = null;
        }
        audit.record(AuditAction.BADGE_REMOVED, tenant.requireEnterprise(), "user:" + username, "badge " + number);
    }

    /** Gives an operator of the enterprise a badge number and PIN (replacing earlier ones). */
    @Transactional
    public BadgeView setBadge(String username, BadgeRequest r) {
        UserAccount user = enterpriseOperator(enterpriseUserId(username));
        long userId = user.id;
        OperatorBadge badge = OperatorBadge.<OperatorBadge>find("userId", userId).firstResult();
        OperatorBadge sameNumber = OperatorBadge.<OperatorBadge>find("badgeNumber", r.badgeNumber()).firstResult();
        if (sameNumber != null && sameNumber.userId != userId) {
            throw DomainException.conflict("duplicate-badge", "The badge number is taken",
                    "Badge " + r.badgeNumber() + " belongs to another operator", new FieldError("badgeNumber", "is taken"));
        }
        if (badge == null) {
            badge = new OperatorBadge();
            badge.userId = userId;
        }
        badge.badgeNumber = r.badgeNumber();
        badge.pinHash = PasswordHasher.hash(r.pin(), security.bcryptCost());
        badge.persist();
        em.flush();
        audit.record(AuditAction.BADGE_ISSUED, tenant.requireEnterprise(), "user:" + user.username,
                "badge " + badge.badgeNumber);
        return new BadgeView(userId, user.username, badge.badgeNumber);
    }

    /** Signs an operator in at the calling terminal with badge and PIN; whoever was signed in there is signed out. */
    @Transactional
    public TerminalSessionView signIn(long terminalId, SignInRequest r) {
        tenant.requireEnterprise();
        Terminal terminal = em.find(Terminal.class, terminalId, LockModeType.PESSIMISTIC_WRITE);
        OperatorBadge badge = OperatorBadge.<OperatorBadge>find("badgeNumber", r.badgeNumber()).firstResult();
        if (badge == null || !PasswordHasher.matches(r.pin(), badge.pinHash)) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "badge-refused", "Badge or PIN is wrong",
                    "The badge number or the PIN is wrong", List.of(new FieldError("pin", "does not match the badge")), Map.of());
        }
        UserAccount user = enterpriseOperator(badge.userId);
        closeSessions(terminal.id);
        em.createNativeQuery("insert into mes_terminal_session (tenant_id, terminal_id, user_id, username, signed_in_at,"
                        + " open_key) values (?1, ?2, ?3, ?4, ?5, ?2)")
                .setParameter(1, tenant.requireEnterprise()).setParameter(2, terminal.id).setParameter(3, user.id)
                .setParameter(4, user.username).setParameter(5, Instant.now()).executeUpdate();
        terminal.operatorUserId = user.id;
        terminal.operatorName = user.username;
        return session(terminal);
    }

    @Transactional
    public TerminalSessionView signOut(long terminalId) {
        tenant.requireEnterprise();
        Terminal terminal = em.find(Terminal.class, terminalId, LockModeType.PESSIMISTIC_WRITE);
        closeSessions(terminal.id);
        terminal.operatorUserId = null;
        terminal.operatorName = null;
        return session(terminal);
    }

    public TerminalSessionView whoAmI(long terminalId) {
        tenant.requireEnterprise();
        return session(em.find(Terminal.class, terminalId));
    }

    private static TerminalSessionView session(Terminal t) {
        return new TerminalSessionView(t.id, t.code, t.workCenterId, t.operatorName, t.lastSequence);
    }

    private void closeSessions(long terminalId) {
        em.createNativeQuery("update mes_terminal_session set signed_out_at = ?1, open_key = null"
                + " where terminal_id = ?2 and open_key is not null").setParameter(1, Instant.now())
                .setParameter(2, terminalId).executeUpdate();
    }

    /** The id of a user of this enterprise by name; another enterprise's user is not found, exactly like a missing one. */
    private long enterpriseUserId(String username) {
        return em.createQuery("select u.id from UserAccount u where u.username = :name and u.enterpriseCode = :enterprise",
                        Long.class).setParameter("name", username).setParameter("enterprise", tenant.requireEnterprise())
                .getResultStream().findFirst().orElseThrow(() -> DomainException.notFound("User", username));
    }

    /** An enabled account of this enterprise with the operator role; other enterprises' users are not found. */
    private UserAccount enterpriseOperator(long userId) {
        String enterprise = tenant.requireEnterprise();
        UserAccount user = em.createQuery("select u from UserAccount u where u.id = :id", UserAccount.class)
                .setParameter("id", userId).getResultStream().findFirst().orElse(null);
        if (user == null || !enterprise.equals(user.enterpriseCode)) {
            throw DomainException.notFound("User", userId);
        }
        if (!user.enabled || !user.roles.contains(Role.OPERATOR)) {
            throw DomainException.unprocessable("not-an-operator", "The user is not an active operator",
                    "User " + user.username + " must be enabled and have the role operator to sign in at terminals");
        }
        return user;
    }
}

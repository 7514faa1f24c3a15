package org.pilotline.erp.security;

import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.problem.ProblemKind;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.erp.enterprise.Enterprise;
import org.pilotline.platform.audit.AuditAction;
import org.pilotline.platform.audit.SecurityAudit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Account administration. The platform administrator manages every account, an enterprise administrator its own. */
@ApplicationScoped
public class UserService {

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "username", "displayName", "displayName", "enterprise", "enterpriseCode", "createdAt", "createdAt");

    @Inject
    Caller caller;

    @Inject
    UserDirectory directory;

    @Inject
    SecurityConfig security;

    @Inject
    SecurityAudit audit;

    @Transactional
    public UserView createUser(NewUser request) {
        Optional<String> enterprise = Optional.ofNullable(request.enterprise()).filter(s -> !s.isBlank());
        requireMayManage(enterprise, request.username());
        Set<String> assigned = request.assignedEnterprises() == null ? Set.of() : request.assignedEnterprises();
        List<FieldError> problems = new ArrayList<>(AccountRules.shapeProblems(enterprise, request.roles(), assigned));
        AccountRules.passwordProblem(request.username(), request.password()).ifPresent(problems::add);
        enterprise.filter(code -> Enterprise.findByCode(code).isEmpty())
                .ifPresent(code -> problems.add(new FieldError("enterprise", "no enterprise has the code '" + code + "'")));
        problems.addAll(unknownEnterprises(assigned));
        if (!caller.isPlatformAdmin() && (request.roles().contains(Role.BUREAU) || request.roles().contains(Role.EXPERT))) {
            problems.add(new FieldError("roles", "only the platform administrator creates bureau and expert accounts"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-account", "The account is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        if (UserAccount.findByUsername(request.username()).isPresent()) {
            throw DomainException.conflict("username-taken", "The user name is taken",
                    "There is already a user '" + request.username() + "'",
                    new FieldError("username", "is already taken"));
        }
        UserAccount created = provision(request.username(), request.displayName(), request.password(),
                enterprise.orElse(null), request.roles(), assigned);
        audit.record(AuditAction.USER_CREATED, created.enterpriseCode, created.username,
                "roles " + roleIds(created.roles) + (assigned.isEmpty() ? "" : ", assigned " + new java.util.TreeSet<>(assigned)));
        return UserView.of(created);
    }

    /**
     * Creates an account without asking who is calling: for trusted set-up code (demo data, the first administrator
     * in production). Passwords are not checked against the policy here.
     */
    @Transactional
    public UserAccount provision(String username, String displayName, String password, String enterprise,
                                 Set<Role> roles, Set<String> assigned) {
        return provisionHashed(username, displayName, hash(password), enterprise, roles, assigned);
    }

    /** A bcrypt hash of {@code password} at the configured cost, for {@link #provisionHashed}. */
    public String hash(String password) {
        return PasswordHasher.hash(password, security.bcryptCost());
    }

    /**
     * {@link #provision} with a password already hashed by {@link #hash}: set-up code that creates many accounts with
     * one password (the demo logins) hashes it once instead of once per account — each bcrypt hash costs a quarter of a
     * second by design.
     */
    @Transactional
    public UserAccount provisionHashed(String username, String displayName, String passwordHash, String enterprise,
                                       Set<Role> roles, Set<String> assigned) {
        UserAccount account = new UserAccount();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = passwordHash;
        account.enterpriseCode = enterprise;
        account.roles = EnumSet.copyOf(roles);
        account.assignedEnterprises = new HashSet<>(assigned);
        account.enabled = true;
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }

    @Transactional
    public UserView updateUser(String username, UserUpdate update) {
        UserAccount account = manageable(username);
        Versions.requireCurrent("User", username, update.version(), account.version);
        Set<String> assigned = update.assignedEnterprises() == null ? Set.of() : update.assignedEnterprises();
        List<FieldError> problems = new ArrayList<>(AccountRules.shapeProblems(
                Optional.ofNullable(account.enterpriseCode), update.roles(), assigned));
        problems.addAll(unknownEnterprises(assigned));
        if (username.equals(caller.username()) && (!update.enabled() || !update.roles().contains(Role.ADMIN))) {
            problems.add(new FieldError("roles", "you cannot remove your own administrator role or disable yourself"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemKind.BAD_REQUEST, "invalid-account", "The account is not valid",
                    problems.get(0).field() + " " + problems.get(0).message(), problems, Map.of());
        }
        String before = "roles " + roleIds(account.roles) + ", enabled " + account.enabled
                + ", assigned " + new java.util.TreeSet<>(account.assignedEnterprises);
        account.displayName = update.displayName();
        account.roles.clear();
        account.roles.addAll(update.roles());
        account.assignedEnterprises.clear();
        account.assignedEnterprises.addAll(assigned);
        account.enabled = update.enabled();
        UserAccount.flush(); // so that the view carries the new version
        directory.forget(username);
        audit.record(AuditAction.USER_UPDATED, account.enterpriseCode, account.username, before + " -> roles "
                + roleIds(account.roles) + ", enabled " + account.enabled
                + ", assigned " + new java.util.TreeSet<>(account.assignedEnterprises));
        return UserView.of(account);
    }

    /** Users change their own password; administrators change the passwords of the accounts they manage. */
    @Transactional
    public void changePassword(String username, String newPassword) {
        UserAccount account = username.equals(caller.username()) ? UserAccount.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("User", username)) : manageable(username);
        AccountRules.passwordProblem(username, newPassword).ifPresent(problem -> {
            throw DomainException.invalid("weak-password", "The new password is too weak", problem);
        });
        account.passwordHash = PasswordHasher.hash(newPassword, security.bcryptCost());
        directory.forget(username);
        audit.record(AuditAction.PASSWORD_CHANGED, account.enterpriseCode, account.username,
                username.equals(caller.username()) ? "by the user" : "by an administrator");
    }

    private static java.util.List<String> roleIds(Set<Role> roles) {
        return roles.stream().map(Role::id).sorted().toList();
    }

    /** Who the caller is and which enterprise this request acts for: what a UI needs to decide which screens to offer. */
    public MeView describeCaller() {
        // a shop-floor terminal signs in with its token and has no account: its identity names it
        String displayName = UserAccount.findByUsername(caller.username()).map(a -> a.displayName)
                .orElse(caller.username());
        Optional<Enterprise> enterprise = caller.enterprise().flatMap(Enterprise::findByCode);
        return new MeView(caller.username(), displayName, enterprise.map(e -> e.code).orElse(null),
                enterprise.map(e -> e.name).orElse(null), enterprise.map(e -> e.timeZone).orElse(null),
                new TreeSet<>(caller.roles().stream().map(Role::id).toList()), new TreeSet<>(caller.assignedEnterprises()),
                caller.isPlatformAdmin());
    }

    public UserView getUser(String username) {
        return UserView.of(manageable(username));
    }

    public Page<UserView> listUsers(PageRequest page, String enterpriseFilter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        Optional<String> scope = caller.isPlatformAdmin() ? Optional.ofNullable(enterpriseFilter) : caller.enterprise();
        if (!caller.isPlatformAdmin() && scope.isEmpty()) {
            throw DomainException.notFound("Enterprise", "(none)");
        }
        if (scope.isPresent()) {
            where.append(" and enterpriseCode = :enterprise");
            params.and("enterprise", scope.get());
        }
        var query = UserAccount.<UserAccount>find(where.toString(), page.toSort(SORTABLE, "id"), params.map());
        long total = query.count();
        List<UserView> items = query.page(page.page(), page.size()).list().stream().map(UserView::of).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The account, if the caller may manage it; another enterprise's account is reported as not found. */
    private UserAccount manageable(String username) {
        UserAccount account = UserAccount.findByUsername(username)
                .orElseThrow(() -> DomainException.notFound("User", username));
        if (!AccountRules.mayManage(caller.enterprise(), caller.has(Role.ADMIN), Optional.ofNullable(account.enterpriseCode))) {
            throw DomainException.notFound("User", username);
        }
        return account;
    }

    private void requireMayManage(Optional<String> enterprise, String username) {
        if (!AccountRules.mayManage(caller.enterprise(), caller.has(Role.ADMIN), enterprise)) {
            throw new DomainException(ProblemKind.FORBIDDEN, "forbidden", "You cannot manage this account",
                    "An enterprise administrator creates accounts of its own enterprise only", 
                    List.of(new FieldError("enterprise", "must be your own enterprise")), Map.of());
        }
    }

    private static List<FieldError> unknownEnterprises(Set<String> codes) {
        List<FieldError> problems = new ArrayList<>();
        for (String code : codes) {
            if (Enterprise.findByCode(code).isEmpty()) {
                problems.add(new FieldError("assignedEnterprises", "no enterprise has the code '" + code + "'"));
            }
        }
        return problems;
    }
}

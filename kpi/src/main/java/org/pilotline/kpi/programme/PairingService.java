package org.pilotline.kpi.programme;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.erp.security.UserDirectory;
import org.pilotline.kpi.programme.ProgrammeViews.PairingRequest;
import org.pilotline.kpi.programme.ProgrammeViews.PairingView;
import org.pilotline.platform.paging.Page;
import org.pilotline.platform.paging.PageRequest;
import org.pilotline.platform.persistence.Lookups;
import org.pilotline.platform.persistence.Versions;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.FieldError;
import org.pilotline.platform.security.Caller;
import org.pilotline.platform.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bureau pairs experts with enterprises. A pairing builds on the expert assignment erp-core keeps on the account
 * (which lets the expert choose the enterprise with {@code PilotLine-Enterprise}): creating one adds the enterprise to
 * the expert's assignments, and ending one removes it when no other pairing of the two is current. The pairing adds
 * the dates the programme needs — an expert writes visit logs only while paired.
 */
@ApplicationScoped
public class PairingService {

    /** The programme runs in the city's zone; "today" for a pairing is the bureau's day. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Caller caller;

    @Inject
    UserDirectory directory;

    Clock clock = Clock.systemUTC();

    LocalDate today() {
        return LocalDate.now(clock.withZone(PROGRAMME_ZONE));
    }

    /** The bureau sees every pairing; an expert their own. */
    public Page<PairingView> listPairings(String enterprise, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (caller.has(Role.EXPERT)) {
            where.append(" and userId = :user");
            params.and("user", UserAccount.findByUsername(caller.username()).orElseThrow().id);
        }
        if (enterprise != null && !enterprise.isBlank()) {
            where.append(" and enterpriseCode = :enterprise");
            params.and("enterprise", enterprise);
        }
        return Lookups.page(Pairing.<Pairing>find(where.toString(), ProgrammeLists.sort(page, Map.of("enterprise",
                "enterpriseCode", "validFrom", "validFrom", "id", "id"), Sort.by("enterpriseCode").and("validFrom")
                .and("id")), params.map()), page, this::view);
    }

    public PairingView getPairing(long id) {
        return view(Lookups.require(Pairing.class, "Pairing", id));
    }

    @Transactional
    public PairingView savePairing(Long id, PairingRequest r) {
        Pairing pairing = id == null ? new Pairing() : Lookups.require(Pairing.class, "Pairing", id);
        UserAccount expert = UserAccount.findByUsername(r.expert()).filter(u -> u.roles.contains(Role.EXPERT))
                .orElseThrow(() -> DomainException.invalid("unknown-reference", "There is no such expert",
                        new FieldError("expert", "no expert account has the user name '" + r.expert() + "'")));
        Enterprises.require("enterprise", r.enterprise());
        ProgrammeRules.periodProblem("validTo", r.validFrom(), r.validTo()).ifPresent(p -> {
            throw DomainException.invalid("invalid-period", "The pairing ends before it starts", p);
        });
        if (id != null) {
            Versions.requireCurrent("Pairing", id, r.version(), pairing.version);
            if (!pairing.userId.equals(expert.id) || !pairing.enterpriseCode.equals(r.enterprise())) {
                throw DomainException.invalid("pairing-parties-fixed", "A pairing's expert and enterprise stay",
                        new FieldError(pairing.userId.equals(expert.id) ? "enterprise" : "expert",
                                "cannot change; end this pairing and create another"));
            }
        }
        Pairing same = Pairing.find("userId = ?1 and enterpriseCode = ?2 and validFrom = ?3", expert.id,
                r.enterprise(), r.validFrom()).firstResult();
        if (same != null && !same.id.equals(id)) {
            throw DomainException.conflict("duplicate-pairing", "The expert is paired with the enterprise from that day already",
                    "Pairing " + same.id + " pairs '" + r.expert() + "' with '" + r.enterprise() + "' from " + r.validFrom(),
                    new FieldError("validFrom", "has a pairing already"));
        }
        pairing.userId = expert.id;
        pairing.enterpriseCode = r.enterprise();
        pairing.validFrom = r.validFrom();
        pairing.validTo = r.validTo();
        pairing.persist();
        Pairing.flush();
        syncAssignment(expert, r.enterprise());
        return view(pairing);
    }

    /** Whether the caller, an expert, is paired with the enterprise today. */
    public boolean callerIsPairedToday(String enterprise) {
        Optional<UserAccount> account = UserAccount.findByUsername(caller.username());
        return account.isPresent() && Pairing.<Pairing>list("userId = ?1 and enterpriseCode = ?2", account.get().id,
                enterprise).stream().anyMatch(p -> p.coversDay(today()));
    }

    /** The expert may read the enterprise while some pairing of the two has not ended. */
    private void syncAssignment(UserAccount expert, String enterprise) {
        boolean open = Pairing.<Pairing>list("userId = ?1 and enterpriseCode = ?2", expert.id, enterprise).stream()
                .anyMatch(p -> p.validTo == null || !p.validTo.isBefore(today()));
        boolean changed = open ? expert.assignedEnterprises.add(enterprise) : expert.assignedEnterprises.remove(enterprise);
        if (changed) {
            UserAccount.flush();
            directory.forget(expert.username);
        }
    }

    private PairingView view(Pairing p) {
        String username = UserAccount.<UserAccount>findByIdOptional(p.userId).map(u -> u.username).orElse("?");
        return new PairingView(p.id, username, p.enterpriseCode, p.validFrom, p.validTo, p.coversDay(today()), p.version);
    }
}

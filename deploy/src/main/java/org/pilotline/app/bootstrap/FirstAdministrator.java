package org.pilotline.app.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.pilotline.app.config.PilotLineConfig;
import org.pilotline.erp.security.AccountRules;
import org.pilotline.platform.security.Role;
import org.pilotline.erp.security.UserAccount;
import org.pilotline.erp.security.UserService;

import java.util.Set;

/**
 * Creates the first platform administrator from {@code PILOTLINE_ADMIN_PASSWORD} when none exists. There is no
 * default password: without the variable, a platform with no administrator refuses to start.
 */
@ApplicationScoped
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class);

    @Inject
    PilotLineConfig config;

    @Inject
    UserService users;

    @Transactional
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo().enabled() || platformAdministratorExists()) {
            return;
        }
        String username = config.bootstrap().adminUsername();
        String password = config.bootstrap().adminPassword().orElseThrow(() -> new IllegalStateException(
                "No platform administrator exists. Set PILOTLINE_ADMIN_PASSWORD (at least "
                        + AccountRules.MIN_PASSWORD_LENGTH + " characters) to create '" + username + "'."));
        AccountRules.passwordProblem(username, password).ifPresent(problem -> {
            throw new IllegalStateException("PILOTLINE_ADMIN_PASSWORD " + problem.message());
        });
        users.provision(username, "Platform administrator", password, null, Set.of(Role.ADMIN), Set.of());
        LOG.infof("Created the platform administrator '%s'", username);
    }

    private static boolean platformAdministratorExists() {
        return UserAccount.count("enterpriseCode is null and ?1 member of roles", Role.ADMIN) > 0;
    }
}

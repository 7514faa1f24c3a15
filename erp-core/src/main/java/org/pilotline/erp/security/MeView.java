package org.pilotline.erp.security;

import java.util.Set;

/** Who the caller is: what a UI needs to decide which screens to offer. */
public record MeView(String username, String displayName, String enterprise, String enterpriseName, String timeZone,
                     Set<String> roles, Set<String> assignedEnterprises, boolean platformAdmin) {
}

package org.pilotline.plc.browse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.tenancy.TenantContext;
import org.pilotline.plc.runtime.GatewayRuntime;
import org.pilotline.plc.security.GatewayPki;

import java.util.List;

/** Browsing a server's address space for the caller's enterprise, with the gateway's own certificates. */
@ApplicationScoped
public class BrowseService {

    @Inject
    TenantContext tenants;

    @Inject
    GatewayRuntime runtime;

    /** The children of the request's node; 422 when the gateway is off here or the server cannot be browsed. */
    public List<AddressSpaceBrowser.BrowsedNode> browse(BrowseRequest request) {
        tenants.requireEnterprise();
        GatewayPki pki = runtime.pki();
        if (pki == null) {
            throw DomainException.unprocessable("gateway-disabled", "The gateway is not running here",
                    "Browsing needs the gateway's certificates; it is disabled in this application");
        }
        try {
            return new AddressSpaceBrowser(runtime.connectionSettings(), pki).children(request.connectionKey(),
                    request.nodeId());
        } catch (Exception e) {
            throw DomainException.unprocessable("browse-failed", "The server could not be browsed", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}

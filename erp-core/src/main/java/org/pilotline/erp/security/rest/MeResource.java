package org.pilotline.erp.security.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.erp.security.MeView;
import org.pilotline.erp.security.UserService;

@Path("/api/me")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    UserService users;

    /** Where FormAuthenticationMechanism keeps its cookie's name on the request (Quarkus 3.27). */
    private static final String FORM_COOKIE_NAME = "io.quarkus.vertx.http.runtime.security.form.cookie-name";

    @Inject
    io.vertx.ext.web.RoutingContext request;

    @GET
    @Authenticated
    @Operation(summary = "Who am I", description = "The caller's account, roles and the enterprise this request acts for.")
    public MeView me() {
        return users.describeCaller();
    }

    @POST
    @Path("/sign-out")
    @Authenticated
    @Operation(summary = "Sign out of the browser session",
            description = "Clears the form login's session cookie (quarkus-credential); HTTP Basic clients have no session.")
    @APIResponse(responseCode = "204", description = "Signed out: the login cookie is cleared")
    public void signOut() {
        // The form mechanism leaves its cookie's name on the request when it read the request; a request it did not
        // read (HTTP Basic) has no login cookie to clear, and logout() would fail on the missing name.
        if (request.get(FORM_COOKIE_NAME) != null) {
            FormAuthenticationMechanism.logout(request);
        }
    }
}

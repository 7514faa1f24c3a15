package org.pilotline.bpm.salesreview.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.bpm.salesreview.SalesOrderReviewView;
import org.pilotline.bpm.salesreview.SalesOrderReviews;
import org.pilotline.platform.security.Roles;

import java.util.List;

@Path("/api/processes/sales-order-reviews")
@Tag(name = "Processes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN, Roles.EXPERT})
public class SalesOrderReviewResource {

    @Inject
    SalesOrderReviews reviews;

    @GET
    @Operation(summary = "Reviews of my enterprise's sales orders, newest first",
            description = "Every sales order entered is reviewed: credit limit and availability on the requested"
                    + " dates. orderId=<id> finds one order's review; 400 naming a bad orderId.")
    public List<SalesOrderReviewView> list(@QueryParam("orderId") String orderId) {
        return reviews.reviews(orderId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A sales order review: the check, the credit release, the proposed and promised dates",
            description = "404 for another enterprise's.")
    public SalesOrderReviewView review(@PathParam("id") String id) {
        return reviews.review(id);
    }
}

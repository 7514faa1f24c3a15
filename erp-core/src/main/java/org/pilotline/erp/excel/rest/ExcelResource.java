package org.pilotline.erp.excel.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.pilotline.erp.excel.MasterDataExcel;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemDetail;
import org.pilotline.platform.security.Roles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Path("/api/excel")
@Tag(name = "Excel", description = "Master-data workbooks: templates (中文/English headers), exports and all-or-nothing imports")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER})
public class ExcelResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

    @Inject
    MasterDataExcel excel;

    @GET
    @Path("/template")
    @Produces(XLSX)
    @Operation(summary = "Download an empty master-data workbook", description = "sheets: comma-separated items, workCenters, bomLines, recipes, routings, openingStock (default all).")
    public Response template(@QueryParam("sheets") String sheets) {
        return attachment(excel.template(names(sheets)), "pilotline-template.xlsx");
    }

    @GET
    @Path("/export")
    @Produces(XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER, Roles.EXPERT})
    @Operation(summary = "Export master data as a workbook", description = "The same format as the template; re-importing it changes nothing.")
    public Response export(@QueryParam("sheets") String sheets) {
        return attachment(excel.export(names(sheets)), "pilotline-master-data.xlsx");
    }

    @POST
    @Path("/import")
    @Consumes(XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a master-data workbook (body: the .xlsx)", description = "All or nothing. 200 with what was created, updated or unchanged; "
            + "422 problem+json listing every bad row (sheet, row, column, reason) and nothing written. dryRun=true checks and rolls back.")
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun=true, checked and rolled back): what was"
            + " created, updated or unchanged per sheet", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterDataExcel.ImportReport.class)))
    @APIResponse(responseCode = "400", description = "`no-file`: no workbook was sent; `too-large`: the workbook is over"
            + " the upload limit")
    @APIResponse(responseCode = "409", description = "`import-failed`: a row conflicts with data saved meanwhile; nothing"
            + " was imported")
    @APIResponse(responseCode = "422", description = "`import-invalid`: bad rows; `problems` lists each (sheet, row,"
            + " column, reason) and `sheets` what each sheet held; nothing was imported")
    public Response importWorkbook(byte[] upload, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return report(excel.importWorkbook(limited(upload), dryRun));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a master-data workbook (form field 'file')")
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun=true, checked and rolled back): what was"
            + " created, updated or unchanged per sheet", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MasterDataExcel.ImportReport.class)))
    @APIResponse(responseCode = "400", description = "`no-file`: no workbook was sent; `too-large`: the workbook is over"
            + " the upload limit")
    @APIResponse(responseCode = "409", description = "`import-failed`: a row conflicts with data saved meanwhile; nothing"
            + " was imported")
    @APIResponse(responseCode = "422", description = "`import-invalid`: bad rows; `problems` lists each (sheet, row,"
            + " column, reason) and `sheets` what each sheet held; nothing was imported")
    public Response importForm(@RestForm("file") FileUpload file, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun)
            throws IOException {
        if (file == null) {
            throw DomainException.invalid("no-file", "No workbook was sent",
                    new org.pilotline.platform.problem.FieldError("file", "attach the .xlsx as form field 'file'"));
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        return report(excel.importWorkbook(Files.readAllBytes(file.uploadedFile()), dryRun));
    }

    private static Response report(MasterDataExcel.ImportReport report) {
        if (report.problems().isEmpty()) {
            return Response.ok(report).type(MediaType.APPLICATION_JSON).build();
        }
        return Response.status(422).type(ProblemDetail.MEDIA_TYPE).entity(ProblemDetail.of("import-invalid",
                "The workbook has bad rows; nothing was imported", 422,
                report.problems().size() + " problem(s) found; fix them and import again", "/api/excel/import",
                List.of(), Map.of("problems", report.problems(), "sheets", report.sheets()))).build();
    }

    private static byte[] limited(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw DomainException.invalid("no-file", "No workbook was sent",
                    new org.pilotline.platform.problem.FieldError("body", "send the .xlsx as the request body"));
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        return upload;
    }

    private static DomainException tooLarge() {
        return new DomainException(org.pilotline.platform.problem.ProblemKind.BAD_REQUEST, "too-large", "The workbook is too large",
                "Workbooks of up to " + MAX_UPLOAD_BYTES / (1024 * 1024) + " MB are accepted");
    }

    private static Set<String> names(String sheets) {
        return sheets == null || sheets.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(sheets.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static Response attachment(byte[] workbook, String filename) {
        return Response.ok(workbook, XLSX).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}

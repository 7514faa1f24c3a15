package org.pilotline.bpm.versions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enterprise's own version of a process model: the BPMN 2.0 XML as Camunda Modeler saves it. */
public record ProcessVersionRequest(
        @NotBlank @Size(max = 1_000_000) @Schema(description = "the .bpmn file's XML") String bpmn) {
}

package org.pilotline.mes.report;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.pilotline.platform.problem.DomainException;
import org.pilotline.platform.problem.ProblemKind;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Coverage-guided fuzzing (Jazzer) of a terminal report on its way in: the JSON text is read as the application reads
 * it (unknown fields refused, java.time), validated by its constraints and then by the report's shape rules — each
 * step either accepts it or refuses it with a typed error (a Jackson error the problem mapper answers with 400, a
 * constraint violation, a 400 {@code invalid-report} naming a field); no other exception ever. The surefire
 * configuration of this module sets {@code JAZZER_FUZZ=1}, so the first fuzz test runs for its {@code maxDuration}.
 */
class ReportRequestFuzzTest {

    /** Held so that it keeps its level: the plain interpolator warns of every EL message it skips, each run. */
    private static final java.util.logging.Logger QUIET_INTERPOLATOR = quiet("org.hibernate.validator.messageinterpolation");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final List<String> FIELDS = List.of("clientId", "sequence", "kind", "operationId", "workUnitId",
            "good", "scrap", "rework", "reasonCode", "occurredAt", "from", "to", "machineIntervalId", "lots", "serials",
            "note", "characteristicId", "measured", "concernsQuantity", "colour");

    @FuzzTest(maxDuration = "25s")
    void aReportIsReadValidatedAndShapedOrRefusedWithAType(FuzzedDataProvider data) {
        boolean fromTerminal = data.consumeBoolean();
        String text = data.consumeBoolean() ? report(data).toString() : data.consumeRemainingAsString();
        ReportRequest request;
        try {
            request = JSON.readValue(text, ReportRequest.class);
        } catch (JsonProcessingException refused) {
            return; // ProblemMappers answers these with 400 malformed-json / invalid-field-type / unknown-field
        }
        if (request == null) {
            return; // the text "null": the resource's @NotNull refuses it
        }
        Set<ConstraintViolation<ReportRequest>> violations = VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            violations.forEach(v -> assertFalse(v.getPropertyPath().toString().isEmpty()));
            return;
        }
        try {
            ReportingService.checkShape(request, fromTerminal);
        } catch (DomainException refused) {
            assertEquals(ProblemKind.BAD_REQUEST, refused.kind());
            assertFalse(refused.fieldErrors().isEmpty());
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** A report-like JSON object: known fields (and one unknown) with values of any JSON type. */
    private static ObjectNode report(FuzzedDataProvider data) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode report = f.objectNode();
        int fields = data.consumeInt(0, FIELDS.size());
        for (int i = 0; i < fields; i++) {
            String field = data.pickValue(FIELDS);
            switch (data.consumeInt(0, 9)) {
                case 0 -> report.put(field, data.consumeString(80));
                case 1 -> report.put(field, data.consumeLong());
                case 2 -> report.put(field, data.consumeDouble());
                case 3 -> report.put(field, new java.math.BigDecimal(java.math.BigInteger.valueOf(data.consumeLong()),
                        data.consumeInt(-400, 400)));
                case 4 -> report.put(field, data.consumeBoolean());
                case 5 -> report.putNull(field);
                case 6 -> report.put(field, data.pickValue(List.of("QUANTITY", "START", "FINISH", "PAUSE", "RESUME",
                        "DOWNTIME", "INSPECTION", "quantity", "2026-12-01T08:00:00Z", "+999999999-12-31T23:59:59Z",
                        "-1000000000-01-01T00:00:00Z", "2026-12-01", "1e400", "-0.0")));
                case 7 -> {
                    ArrayNode lots = report.putArray(field);
                    for (int l = data.consumeInt(0, 3); l > 0; l--) {
                        ObjectNode lot = lots.addObject();
                        if (data.consumeBoolean()) {
                            lot.put("itemId", data.consumeLong());
                        }
                        if (data.consumeBoolean()) {
                            lot.put("lotNumber", data.consumeString(70));
                        }
                        if (data.consumeBoolean()) {
                            lot.put("quantity", data.consumeDouble());
                        }
                    }
                }
                case 8 -> report.putArray(field).add(data.consumeString(70)).addNull();
                default -> report.putObject(field).put("x", data.consumeInt());
            }
        }
        return report;
    }
}

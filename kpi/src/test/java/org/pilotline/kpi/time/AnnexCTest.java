package org.pilotline.kpi.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pilotline.plc.contract.MachineryItemState;
import org.pilotline.plc.contract.MachineryOperationMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The cases of OPC 40001-1 Annex C (table 68) and the choices {@link AnnexC} documents where it leaves room. */
class AnnexCTest {

    @ParameterizedTest(name = "{0} × {1} × order {2} → {3}")
    @CsvSource({
            // production needs the machine executing in Processing (or no mode) with an order running
            "EXECUTING,      PROCESSING,  PROCESSING, APT",
            "EXECUTING,      NONE,        PROCESSING, APT",
            "EXECUTING,      ,            PROCESSING, APT",
            // order-related setup
            "EXECUTING,      SETUP,       PROCESSING, ASUT",
            "EXECUTING,      SETUP,       SETUP,      ASUT",
            "EXECUTING,      PROCESSING,  SETUP,      ASUT",
            "NOT_EXECUTING,  SETUP,       SETUP,      ASUT",
            // Annex C's ADET rows: order registered, machine not producing
            "OUT_OF_SERVICE, PROCESSING,  PROCESSING, ADET",
            "NOT_AVAILABLE,  PROCESSING,  PROCESSING, ADET",
            "NOT_EXECUTING,  NONE,        PROCESSING, ADET",
            "NOT_EXECUTING,  PROCESSING,  PROCESSING, ADET",
            "EXECUTING,      MAINTENANCE, PROCESSING, ADET",
            "OUT_OF_SERVICE, SETUP,       SETUP,      ADET",
            "NOT_EXECUTING,  PROCESSING,  SETUP,      ADET",
            "EXECUTING,      PROCESSING,  PAUSED,     ADET",
            "NOT_EXECUTING,  NONE,        PAUSED,     ADET",
            // Annex C's ADOT rows: planned busy time, no order registered
            "OUT_OF_SERVICE, NONE,        NONE,       ADOT",
            "NOT_AVAILABLE,  NONE,        NONE,       ADOT",
            "NOT_EXECUTING,  NONE,        NONE,       ADOT",
            // no order: executing or maintaining is not production (APMT is not kept apart yet)
            "EXECUTING,      PROCESSING,  NONE,       ADOT",
            "OUT_OF_SERVICE, MAINTENANCE, NONE,       ADOT",
    })
    void mapsTheStateTheModeAndTheOrderStateToOneTimeElement(MachineryItemState state, MachineryOperationMode mode,
                                                             OrderState order, TimeElement expected) {
        assertEquals(expected, AnnexC.elementOf(state, mode, order));
    }

    @Test
    void everyCombinationHasAnElementOfPlannedBusyTime() {
        for (OrderState order : OrderState.values()) {
            for (MachineryItemState state : MachineryItemState.values()) {
                for (MachineryOperationMode mode : MachineryOperationMode.values()) {
                    TimeElement element = AnnexC.elementOf(state, mode, order);
                    assertNotNull(element, state + " " + mode + " " + order);
                    assertEquals(true, element.isElementary() && element != TimeElement.UNKNOWN, element.name());
                }
            }
        }
    }

    @Test
    void onlyOutOfServiceIsAFailure() {
        for (MachineryItemState state : MachineryItemState.values()) {
            assertEquals(state == MachineryItemState.OUT_OF_SERVICE, AnnexC.isFailure(state), state.name());
        }
    }
}

package org.pilotline.plc.acquisition;

import org.junit.jupiter.api.Test;
import org.pilotline.plc.contract.MachineryItemState;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartCounterTest {

    @Test
    void aRisingCounterGivesTheDifference() {
        assertEquals(5, PartCounter.delta(10, 15, 65_536L));
    }

    @Test
    void aCounterNearTheTopThatWrapsIsARollover() {
        assertEquals(4, PartCounter.delta(65_534, 2, 65_536L));
        assertEquals(3, PartCounter.delta(4_294_967_295L, 2, 4_294_967_296L));
    }

    @Test
    void aCounterThatFallsFarFromTheTopWasResetAndCountsFromZero() {
        assertEquals(3, PartCounter.delta(1_000, 3, 65_536L));
        assertEquals(3, PartCounter.delta(1_000, 3, null));
    }

    @Test
    void theFirstReadingIsOnlyTheBaseline() {
        PartCounter counter = new PartCounter();
        assertEquals(true, counter.next(500, null).isEmpty());
        assertEquals(2, counter.next(502, null).getAsLong());
    }

    @Test
    void flagsAndPackMlStatesMapOntoMachineryItemState() {
        assertEquals(MachineryItemState.OUT_OF_SERVICE, StateMappings.fromFlags(true, true));
        assertEquals(MachineryItemState.EXECUTING, StateMappings.fromFlags(true, false));
        assertEquals(MachineryItemState.NOT_EXECUTING, StateMappings.fromFlags(false, false));
        assertEquals(MachineryItemState.NOT_AVAILABLE, StateMappings.fromFlags(null, false));
        assertEquals(MachineryItemState.EXECUTING, StateMappings.fromPackMl(6));
        assertEquals(MachineryItemState.OUT_OF_SERVICE, StateMappings.fromPackMl(9));
        assertEquals(MachineryItemState.NOT_EXECUTING, StateMappings.fromPackMl(11));
        assertEquals(MachineryItemState.NOT_AVAILABLE, StateMappings.fromPackMl(42));
        assertEquals(MachineryItemState.NOT_EXECUTING, StateMappings.itemState("Not Executing"));
        assertEquals(MachineryItemState.EXECUTING, StateMappings.itemState(3));
    }
}

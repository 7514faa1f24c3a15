package org.pilotline.erp.unit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitConverterTest {

    private static final long PCS = 1, BOX = 2, KG = 3, G = 4, T = 5, PALLET = 6;

    private final UnitConverter converter = new UnitConverter(List.of(
            new UnitConverter.Ratio(KG, G, BigDecimal.ONE, BigDecimal.valueOf(1000)),
            new UnitConverter.Ratio(T, KG, BigDecimal.ONE, BigDecimal.valueOf(1000)),
            new UnitConverter.Ratio(BOX, PCS, BigDecimal.ONE, BigDecimal.valueOf(12)),
            new UnitConverter.Ratio(PALLET, BOX, BigDecimal.ONE, BigDecimal.valueOf(40))));

    @Test
    void aChainOfRatiosConvertsBothWays() {
        assertEquals(0, new BigDecimal("2500000").compareTo(converter.convert(new BigDecimal("2.5"), T, G).orElseThrow()));
        assertEquals(0, new BigDecimal("0.0025").compareTo(converter.convert(new BigDecimal("2500"), G, T).orElseThrow()));
        assertEquals(0, new BigDecimal("960").compareTo(converter.convert(BigDecimal.valueOf(2), PALLET, PCS).orElseThrow()));
    }

    @Test
    void conversionsThatAreNotWholeRoundTripToTheQuantityOneStartedWith() {
        for (int pieces = 1; pieces <= 200; pieces++) {
            BigDecimal start = BigDecimal.valueOf(pieces);
            BigDecimal boxes = converter.convert(start, PCS, BOX).orElseThrow();
            BigDecimal back = converter.convert(boxes, BOX, PCS).orElseThrow();
            assertEquals(0, start.compareTo(back.setScale(6, RoundingMode.HALF_UP)), pieces + " pcs → " + boxes + " box → " + back);
        }
        BigDecimal grams = new BigDecimal("0.001");
        BigDecimal tonnes = converter.convert(grams, G, T).orElseThrow();
        assertEquals(0, grams.compareTo(converter.convert(tonnes, T, G).orElseThrow()));
    }

    @Test
    void unitsWithoutAChainOfRatiosDoNotConvert() {
        assertTrue(converter.convert(BigDecimal.ONE, KG, PCS).isEmpty());
    }

    @Test
    void aUnitConvertsToItself() {
        assertEquals(0, BigDecimal.TEN.compareTo(converter.convert(BigDecimal.TEN, KG, KG).orElseThrow()));
    }
}

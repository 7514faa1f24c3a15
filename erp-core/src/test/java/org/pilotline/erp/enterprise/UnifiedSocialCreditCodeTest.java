package org.pilotline.erp.enterprise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnifiedSocialCreditCodeTest {

    @Test
    void aPublishedCodeIsValid() {
        // Tencent Technology (Shenzhen) Co., Ltd., as printed on its business licence
        assertTrue(UnifiedSocialCreditCode.problemWith("9144030071526726XG").isEmpty());
    }

    @Test
    void aWrongCheckCharacterIsNamed() {
        assertEquals("check character is wrong (expected 'G')",
                UnifiedSocialCreditCode.problemWith("9144030071526726XA").orElseThrow());
    }

    @Test
    void lettersOutsideTheAlphabetAreRefused() {
        assertEquals("character 17 ('O') is not allowed",
                UnifiedSocialCreditCode.problemWith("9144030071526726OG").orElseThrow());
        assertEquals("must have 18 characters", UnifiedSocialCreditCode.problemWith("91440300").orElseThrow());
    }

    @Test
    void generatedCheckCharactersValidate() {
        String code = UnifiedSocialCreditCode.withCheckCharacter("91330100MA2H7XQ40");
        assertEquals(18, code.length());
        assertTrue(UnifiedSocialCreditCode.problemWith(code).isEmpty());
    }
}

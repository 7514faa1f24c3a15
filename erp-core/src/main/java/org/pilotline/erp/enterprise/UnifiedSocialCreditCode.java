package org.pilotline.erp.enterprise;

import java.util.Optional;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: 17 characters from a 31-letter
 * alphabet (no I, O, S, V, Z) and a check character computed modulo 31 with the weights 3^i mod 31.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Why {@code code} is not a valid credit code, or empty when it is. */
    public static Optional<String> problemWith(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("must have 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed");
            }
            sum += value * WEIGHTS[i];
        }
        char expected = checkCharacter(sum);
        if (code.charAt(17) != expected) {
            return Optional.of("check character is wrong (expected '" + expected + "')");
        }
        return Optional.empty();
    }

    /** The full code for its first 17 characters; used to generate valid codes for demo data. */
    public static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + checkCharacter(sum);
    }

    private static char checkCharacter(int weightedSum) {
        int check = (31 - weightedSum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}

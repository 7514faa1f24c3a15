package org.pilotline.erp.excel;

/**
 * Text that starts like a formula (=, +, -, @, tab, carriage return) is written with a leading apostrophe, so that no
 * spreadsheet (or a CSV saved from it) ever evaluates a value as a formula; reading takes the apostrophe off again.
 */
final class Formulas {

    private Formulas() {
    }

    static String escape(String text) {
        return startsLikeFormula(text, 0) ? "'" + text : text;
    }

    static String unescape(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text, 1) ? text.substring(1) : text;
    }

    private static boolean startsLikeFormula(String text, int at) {
        if (text.length() <= at) {
            return false;
        }
        char c = text.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}

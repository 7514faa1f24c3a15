package org.pilotline.mes.terminal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Terminal tokens: 256 random bits, shown once at registration. They are checked by their SHA-256 on every request —
 * a token is random, not a password a person chose, so a slow password hash would add nothing but latency.
 */
public final class TerminalTokens {

    /** Tokens start with this, so that a leaked one is recognised by secret scanners and people. */
    public static final String PREFIX = "plt_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TerminalTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String hint(String token) {
        return token.substring(0, Math.min(token.length(), PREFIX.length() + 4));
    }

    public static boolean looksLikeToken(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() >= PREFIX.length() + 40 && value.length() <= 100;
    }
}

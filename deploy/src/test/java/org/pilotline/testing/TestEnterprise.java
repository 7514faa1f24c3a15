package org.pilotline.testing;

import org.pilotline.erp.enterprise.UnifiedSocialCreditCode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.is;

/**
 * A fresh pilot enterprise of its own for a test class, with one user per enterprise role, so that tests never see
 * each other's data. Users are named {@code <code>-<role>} and share {@link #PASSWORD}.
 */
public final class TestEnterprise {

    public static final String PASSWORD = "test-password-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final String code;

    private TestEnterprise(String code) {
        this.code = code;
    }

    /** Registers a new enterprise (as the demo platform administrator) and its users. */
    public static TestEnterprise create(String manufacturingType) {
        return create(manufacturingType, "test");
    }

    /** Registers a new enterprise of an industry (peer groups are formed by industry and manufacturing type). */
    public static TestEnterprise create(String manufacturingType, String industry) {
        String code = "t" + UUID.randomUUID().toString().substring(0, 8) + SEQUENCE.incrementAndGet();
        Api.as("admin").body(Map.of(
                        "code", code,
                        "name", "Test enterprise " + code,
                        "creditCode", creditCode(),
                        "industry", industry,
                        "manufacturingType", manufacturingType,
                        "pilotSince", LocalDate.of(2026, 1, 1).toString()))
                .post("/api/enterprises").then().statusCode(201);
        for (String role : List.of("admin", "planner", "operator", "quality", "manager")) {
            Api.as("admin").body(Map.of(
                            "username", code + "-" + role,
                            "displayName", role + " of " + code,
                            "password", PASSWORD,
                            "enterprise", code,
                            "roles", List.of(role)))
                    .post("/api/admin/users").then().statusCode(is(201));
        }
        return new TestEnterprise(code);
    }

    public static TestEnterprise create() {
        return create("DISCRETE");
    }

    /** Requests as this enterprise's user of the given role. */
    public io.restassured.specification.RequestSpecification as(String role) {
        return Api.as(code + "-" + role, PASSWORD);
    }

    /**
     * A valid, random unified social credit code: a Hangzhou enterprise's prefix and nine random characters of the
     * code's alphabet (31^9 codes, so that the few hundred enterprises of a test run never collide — seven random
     * digits once did, and the registration answered 409).
     */
    public static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder first17 = new StringBuilder("91330100");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (first17.length() < 17) {
            first17.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return UnifiedSocialCreditCode.withCheckCharacter(first17.toString());
    }
}

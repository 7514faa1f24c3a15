package org.pilotline.gateway;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.pilotline.plc.binding.BindingSecrets;
import org.pilotline.plc.binding.MachineBindingEntity;
import org.pilotline.testing.TestEnterprise;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PLC passwords are stored encrypted (AES-GCM, key from configuration), also those stored before encryption. */
@QuarkusTest
class PlcPasswordEncryptionTest {

    private static TestEnterprise enterprise;

    @Inject
    AgroalDataSource database;

    @Inject
    BindingSecrets secrets;

    private static synchronized TestEnterprise enterprise() {
        if (enterprise == null) {
            enterprise = TestEnterprise.create();
        }
        return enterprise;
    }

    @Test
    void aPlcPasswordIsStoredEncryptedAndAnUpdateWithoutItKeepsIt() throws Exception {
        Map<String, Object> body = Bindings.newBody("PW" + System.nanoTime() % 100_000);
        body.put("identityKind", "USERNAME");
        body.put("username", "operator");
        body.put("password", "operator-password");
        var created = enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(201)
                .extract().response();
        long id = ((Number) created.path("id")).longValue();

        MachineBindingEntity stored = storedPassword(id);
        assertTrue(stored.passwordEncrypted);
        assertFalse(stored.password.contains("operator-password"), "not in plain text: " + stored.password);
        assertEquals("operator-password", secrets.reveal(stored));
        assertFalse(stored.password.equals(storedAgainEncrypted("operator-password")), "a fresh nonce every time");

        enterprise().as("admin").body(Bindings.updateBody(created)).put("/api/gateway/bindings/" + id).then()
                .statusCode(200);
        MachineBindingEntity updated = storedPassword(id);
        assertTrue(updated.passwordEncrypted);
        assertEquals("operator-password", secrets.reveal(updated), "left out on update: kept");
    }

    @Test
    void aPasswordStoredInPlainTextBeforeEncryptionIsEncryptedAtStart() throws Exception {
        Map<String, Object> body = Bindings.newBody("PL" + System.nanoTime() % 100_000);
        body.put("identityKind", "USERNAME");
        body.put("username", "operator");
        body.put("password", "whatever");
        long id = ((Number) enterprise().as("admin").body(body).post("/api/gateway/bindings").then().statusCode(201)
                .extract().path("id")).longValue();
        try (Connection c = database.getConnection(); PreparedStatement legacy = c.prepareStatement(
                "update plc_machine_binding set password = 'from-before-encryption', password_encrypted = false"
                        + " where id = ?")) {
            legacy.setLong(1, id);
            assertEquals(1, legacy.executeUpdate());
        }

        assertTrue(secrets.encryptStoredPasswords() >= 1);

        MachineBindingEntity stored = storedPassword(id);
        assertTrue(stored.passwordEncrypted);
        assertFalse(stored.password.contains("from-before-encryption"));
        assertEquals("from-before-encryption", secrets.reveal(stored));
    }

    private MachineBindingEntity storedPassword(long id) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "select password, password_encrypted from plc_machine_binding where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next());
                MachineBindingEntity row = new MachineBindingEntity();
                row.password = rs.getString(1);
                row.passwordEncrypted = rs.getBoolean(2);
                return row;
            }
        }
    }

    private String storedAgainEncrypted(String plain) {
        MachineBindingEntity other = new MachineBindingEntity();
        secrets.seal(other, plain);
        return other.password;
    }
}

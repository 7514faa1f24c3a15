package org.pilotline.plc.binding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordCipherTest {

    @TempDir
    Path dir;

    @Test
    void aPasswordComesBackAsItWasAndIsNeverStoredTheSameWayTwice() {
        PasswordCipher cipher = PasswordCipher.fromBase64(PasswordCipher.newKey());
        String first = cipher.encrypt("Pässwörd-1");
        String second = cipher.encrypt("Pässwörd-1");

        assertNotEquals(first, second);
        assertEquals("Pässwörd-1", cipher.decrypt(first));
        assertEquals("Pässwörd-1", cipher.decrypt(second));
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRefusedRatherThanReadAsGarbage() {
        PasswordCipher cipher = PasswordCipher.fromBase64(PasswordCipher.newKey());
        String sealed = cipher.encrypt("secret");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThrows(PasswordCipher.UndecryptableException.class,
                () -> cipher.decrypt(Base64.getEncoder().encodeToString(bytes)));
        assertThrows(PasswordCipher.UndecryptableException.class,
                () -> PasswordCipher.fromBase64(PasswordCipher.newKey()).decrypt(sealed));
    }

    @Test
    void aMissingKeyFileIsGeneratedForTheOwnerOnlyAndReusedAfterwards() throws Exception {
        Path file = dir.resolve("gateway/secret-key");
        String sealed = PasswordCipher.fromFile(file).encrypt("secret");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("secret", PasswordCipher.fromFile(file).decrypt(sealed));
    }
}

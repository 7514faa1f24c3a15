package org.pilotline.plc.binding;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts PLC passwords at rest: AES-256-GCM from the JDK, a fresh 96-bit nonce per value, the 128-bit tag checked
 * on reading (a tampered value or another key is refused, never read as garbage). Stored form: base64 of nonce and
 * ciphertext with tag. The key is 32 random bytes, given in base64 or kept in an owner-only file.
 */
public final class PasswordCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds every value to its purpose: a ciphertext copied from another use of the key does not decrypt. */
    private static final byte[] ASSOCIATED_DATA = "pilotline:plc_machine_binding.password".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Thrown when a stored value cannot be decrypted (another key, or tampered with). */
    public static final class UndecryptableException extends RuntimeException {
        UndecryptableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public PasswordCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the key must be 32 bytes (AES-256), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From a base64 key (e.g. the environment variable PILOTLINE_GATEWAY_SECRET_KEY). */
    public static PasswordCipher fromBase64(String base64Key) {
        return new PasswordCipher(Base64.getDecoder().decode(base64Key.trim()));
    }

    /** From a key file, created with a new random key (readable by the owner only) when it does not exist. */
    public static PasswordCipher fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, newKey() + "\n");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another process created it first: use theirs
                    Files.deleteIfExists(temporary);
                }
            }
            return fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the gateway's secret key " + file, e);
        }
    }

    /** A new random key in base64, to put into PILOTLINE_GATEWAY_SECRET_KEY. */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ASSOCIATED_DATA);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(ASSOCIATED_DATA);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new UndecryptableException("the stored password cannot be decrypted with this key (another key, or"
                    + " the value was changed)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}

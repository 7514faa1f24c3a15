package org.pilotline.plc.security;

import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.List;

/**
 * An OPC UA application instance certificate with its key, kept in a PKCS#12 file. Created self-signed (RSA 2048,
 * SHA-256, the application URI and this host's names in the subject alternative name) when the file does not exist.
 */
public record ApplicationCertificate(String applicationUri, KeyPair keyPair, X509Certificate certificate) {

    private static final String ALIAS = "application";
    /** The key store only protects against accidental reading; the file is the owner's (0600 where supported). */
    private static final char[] PASSWORD = "pilotline".toCharArray();

    public static ApplicationCertificate loadOrCreate(Path file, String applicationUri, String applicationName) {
        try {
            if (Files.exists(file)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, PASSWORD);
                }
                Key key = store.getKey(ALIAS, PASSWORD);
                X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
                return new ApplicationCertificate(applicationUri, new KeyPair(certificate.getPublicKey(), (PrivateKey) key),
                        certificate);
            }
            ApplicationCertificate created = selfSigned(applicationUri, applicationName, hostNames(), Period.ofYears(5),
                    null);
            created.save(file);
            return created;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load or create the application certificate " + file, e);
        }
    }

    /**
     * A new self-signed certificate for {@code hostNames}. {@code notAfterInThePast}, when set, makes an already expired
     * certificate (for tests of the validity check).
     */
    public static ApplicationCertificate selfSigned(String applicationUri, String applicationName, List<String> hostNames,
                                                    Period validity, Period expiredAgo) throws Exception {
        KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair)
                .setCommonName(applicationName)
                .setOrganization("PilotLine")
                .setApplicationUri(applicationUri)
                .setValidityPeriod(validity);
        for (String host : hostNames) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                builder.addIpAddress(host);
            } else {
                builder.addDnsName(host);
            }
        }
        X509Certificate certificate = expiredAgo == null ? builder.build() : expired(keyPair, applicationUri,
                applicationName, hostNames, expiredAgo);
        return new ApplicationCertificate(applicationUri, keyPair, certificate);
    }

    private static X509Certificate expired(KeyPair keyPair, String applicationUri, String applicationName,
                                           List<String> hostNames, Period ago) throws Exception {
        java.util.Date notAfter = java.util.Date.from(java.time.ZonedDateTime.now().minus(ago).toInstant());
        java.util.Date notBefore = java.util.Date.from(notAfter.toInstant().minus(java.time.Duration.ofDays(365)));
        List<String> dns = hostNames.stream().filter(h -> !h.matches("[0-9.]+")).toList();
        List<String> ips = hostNames.stream().filter(h -> h.matches("[0-9.]+")).toList();
        return new SelfSignedCertificateGenerator().generateSelfSigned(keyPair, notBefore, notAfter, applicationName,
                "PilotLine", null, null, null, null, applicationUri, dns, ips, SelfSignedCertificateBuilder.SA_SHA256_RSA);
    }

    public void save(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        store.setKeyEntry(ALIAS, keyPair.getPrivate(), PASSWORD, new X509Certificate[]{certificate});
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, PASSWORD);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /** localhost, 127.0.0.1 and this machine's host name: the names a local server or client is reached by. */
    public static List<String> hostNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (Exception e) {
            // no resolvable host name: localhost will do
        }
        return List.copyOf(names);
    }
}

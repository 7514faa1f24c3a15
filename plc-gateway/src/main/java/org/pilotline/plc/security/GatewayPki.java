package org.pilotline.plc.security;

import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The gateway's OPC UA public-key infrastructure, configured in one place. Folder layout under the PKI directory:
 * <pre>
 *   own/gateway.pfx      the application instance certificate and key, generated on first start
 *   trusted/certs, trusted/crl   servers (or their CAs) the gateway trusts, and revocation lists
 *   issuer/certs, issuer/crl     intermediate CAs that are not trusted by themselves, and their lists
 *   rejected/            server certificates that were refused, to be moved to trusted/certs by a person
 * </pre>
 * Milo's validator only logs host-name, validity and key-usage problems by default; here every optional check except
 * "a revocation list must exist for every CA" is enforced (revocation is checked where lists are given).
 */
public final class GatewayPki implements AutoCloseable {

    /** The optional checks switched on: validity, host name, key usage, application URI, revocation where listed. */
    public static final Set<ValidationCheck> CHECKS = EnumSet.of(ValidationCheck.VALIDITY, ValidationCheck.HOSTNAME,
            ValidationCheck.KEY_USAGE_END_ENTITY, ValidationCheck.EXTENDED_KEY_USAGE_END_ENTITY,
            ValidationCheck.REVOCATION, ValidationCheck.APPLICATION_URI);

    private final Path directory;
    private final ApplicationCertificate own;
    private final FileBasedTrustListManager trustList;
    private final FileBasedCertificateQuarantine rejected;
    private final CertificateValidator validator;

    private GatewayPki(Path directory, ApplicationCertificate own, FileBasedTrustListManager trustList,
                       FileBasedCertificateQuarantine rejected) {
        this.directory = directory;
        this.own = own;
        this.trustList = trustList;
        this.rejected = rejected;
        this.validator = new DefaultClientCertificateValidator(trustList, CHECKS, rejected);
    }

    /** Opens (or creates, with a new application certificate) the PKI under {@code directory}. */
    public static GatewayPki open(Path directory, String applicationUri, String applicationName) {
        try {
            Files.createDirectories(directory.resolve("own"));
            ApplicationCertificate own = ApplicationCertificate.loadOrCreate(directory.resolve("own/gateway.pfx"),
                    applicationUri, applicationName);
            FileBasedTrustListManager trustList = FileBasedTrustListManager.createAndInitialize(directory);
            FileBasedCertificateQuarantine rejected = FileBasedCertificateQuarantine.create(directory.resolve("rejected"));
            return new GatewayPki(directory, own, trustList, rejected);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the gateway PKI at " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    public String applicationUri() {
        return own.applicationUri();
    }

    public KeyPair keyPair() {
        return own.keyPair();
    }

    public X509Certificate certificate() {
        return own.certificate();
    }

    public CertificateValidator validator() {
        return validator;
    }

    public Path trustedCertificates() {
        return directory.resolve("trusted/certs");
    }

    public Path rejectedCertificates() {
        return directory.resolve("rejected");
    }

    /** Trusts a server certificate now (the same as copying its DER file into trusted/certs). */
    public void trust(X509Certificate certificate) {
        trustList.addTrustedCertificate(certificate);
    }

    @Override
    public void close() {
        try {
            trustList.close();
        } catch (IOException e) {
            // closing a watch service: nothing left to do
        }
    }
}

package org.pilotline.plc.acquisition;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.pilotline.plc.binding.MachineBinding;
import org.pilotline.plc.security.GatewayPki;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

/**
 * Milo clients configured in one place: the gateway's application certificate, trust list and validator, the
 * endpoint matching a binding's security (with the URL it was given), its identity, and the keep-alive settings.
 */
public final class MiloClients {

    private MiloClients() {
    }

    /** A Milo client for {@code key}, configured with the gateway's PKI, validator and keep-alive settings. */
    public static OpcUaClient newClient(MachineBinding.ConnectionKey key, ConnectionSettings settings, GatewayPki pki)
            throws Exception {
        IdentityProvider identity = identityProvider(key, pki);
        return OpcUaClient.create(key.endpointUrl(), endpoints -> selectEndpoint(key, endpoints), transport -> {
        }, config -> config
                .setApplicationName(LocalizedText.english("PilotLine PLC gateway"))
                .setApplicationUri(pki.applicationUri())
                .setProductUri("urn:pilotline:plc-gateway")
                .setKeyPair(pki.keyPair())
                .setCertificate(pki.certificate())
                .setCertificateChain(new X509Certificate[]{pki.certificate()})
                .setCertificateValidator(pki.validator())
                .setIdentityProvider(identity)
                .setKeepAliveInterval(uint(settings.keepAliveIntervalMs()))
                .setKeepAliveFailuresAllowed(uint(1))
                .setKeepAliveTimeout(uint(Math.max(100, settings.keepAliveIntervalMs() / 2)))
                .setRequestTimeout(uint(settings.requestTimeoutMs()))
                .setSessionTimeout(uint(settings.sessionTimeoutMs())));
    }

    /** The server's matching endpoint, with the URL we were given (servers advertise their own host name). */
    static Optional<EndpointDescription> selectEndpoint(MachineBinding.ConnectionKey key,
                                                                List<EndpointDescription> endpoints) {
        return endpoints.stream()
                .filter(e -> key.securityPolicy().policy().getUri().equals(e.getSecurityPolicyUri()))
                .filter(e -> e.getSecurityMode() == key.securityMode().mode())
                .findFirst()
                .map(e -> EndpointUtil.updateUrl(e, EndpointUtil.getHost(key.endpointUrl()),
                        EndpointUtil.getPort(key.endpointUrl())));
    }

    private static IdentityProvider identityProvider(MachineBinding.ConnectionKey key, GatewayPki pki) throws Exception {
        return switch (key.identityKind()) {
            case ANONYMOUS -> AnonymousProvider.INSTANCE;
            case USERNAME -> new UsernameProvider(key.username(), key.password(), pki.validator());
            case CERTIFICATE -> {
                KeyStore store = KeyStore.getInstance("PKCS12");
                char[] password = key.password() == null ? new char[0] : key.password().toCharArray();
                try (InputStream in = Files.newInputStream(Path.of(key.identityKeyStore()))) {
                    store.load(in, password);
                }
                String alias = store.aliases().nextElement();
                yield new X509IdentityProvider((X509Certificate) store.getCertificate(alias),
                        (PrivateKey) store.getKey(alias, password));
            }
        };
    }
}

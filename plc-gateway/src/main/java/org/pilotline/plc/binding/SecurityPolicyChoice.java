package org.pilotline.plc.binding;

import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/** The OPC UA security policies a binding may use. */
public enum SecurityPolicyChoice {
    None(SecurityPolicy.None),
    Basic256Sha256(SecurityPolicy.Basic256Sha256),
    Aes128_Sha256_RsaOaep(SecurityPolicy.Aes128_Sha256_RsaOaep),
    Aes256_Sha256_RsaPss(SecurityPolicy.Aes256_Sha256_RsaPss);

    private final SecurityPolicy policy;

    SecurityPolicyChoice(SecurityPolicy policy) {
        this.policy = policy;
    }

    public SecurityPolicy policy() {
        return policy;
    }
}

package org.pilotline.plc.binding;

/** How the gateway identifies itself to the PLC's server. */
public enum IdentityKind {
    ANONYMOUS, USERNAME, CERTIFICATE
}

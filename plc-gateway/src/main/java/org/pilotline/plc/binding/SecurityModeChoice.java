package org.pilotline.plc.binding;

import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;

/** The message security mode; None goes with the None policy only. */
public enum SecurityModeChoice {
    None(MessageSecurityMode.None),
    Sign(MessageSecurityMode.Sign),
    SignAndEncrypt(MessageSecurityMode.SignAndEncrypt);

    private final MessageSecurityMode mode;

    SecurityModeChoice(MessageSecurityMode mode) {
        this.mode = mode;
    }

    public MessageSecurityMode mode() {
        return mode;
    }
}

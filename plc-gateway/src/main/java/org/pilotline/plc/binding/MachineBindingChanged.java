package org.pilotline.plc.binding;

/**
 * A machine binding was created or changed (CDI event, fired in the changing transaction). The gateway's runtime
 * observes it after a successful commit and (re-)binds the machine, so the binding feature never knows who acquires.
 *
 * @param binding the binding as stored, with its password in clear for the acquisition
 */
public record MachineBindingChanged(MachineBinding binding) {
}

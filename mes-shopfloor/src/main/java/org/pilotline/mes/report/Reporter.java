package org.pilotline.mes.report;

/**
 * Who sent a report: a terminal (with the operator signed in at it), an operator with their own login, or a machine
 * whose PLC counted the parts at a work center that counts by machine. Every report records both terminal and operator
 * where there are both.
 */
public record Reporter(Long terminalId, Long terminalWorkCenterId, String username, boolean machine) {

    public Reporter(Long terminalId, Long terminalWorkCenterId, String username) {
        this(terminalId, terminalWorkCenterId, username, false);
    }

    /** A machine's part counter, recorded as user "machine:&lt;code&gt;" (cut to the column's 64 characters). */
    public static Reporter machine(String machineCode) {
        String username = "machine:" + machineCode;
        return new Reporter(null, null, username.length() <= 64 ? username : username.substring(0, 64), true);
    }

    public boolean isTerminal() {
        return terminalId != null;
    }
}

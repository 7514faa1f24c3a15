package org.pilotline.mes.report;

/**
 * Who sent a report: a terminal (with the operator signed in at it) or an operator with their own login. Every report
 * records both where there are both.
 */
public record Reporter(Long terminalId, Long terminalWorkCenterId, String username) {

    public boolean isTerminal() {
        return terminalId != null;
    }
}

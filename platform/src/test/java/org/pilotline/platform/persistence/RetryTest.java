package org.pilotline.platform.persistence;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures {@link Retry} runs again: deadlocks and lock wait timeouts, wherever the transaction manager put them. */
class RetryTest {

    @Test
    void aDeadlockReportedByTheCommitItselfIsALockConflict() {
        // what bin/cluster-check saw on MariaDB Galera: a certification failure at commit, as Narayana reports it
        XAException xa = new XAException("Error trying to transactionCommit local transaction: Deadlock found");
        xa.initCause(new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(Retry.isLockConflict(new IllegalStateException(rollback)));
    }

    @Test
    void aDeadlockAsTheCauseIsALockConflict() {
        assertTrue(Retry.isLockConflict(new IllegalStateException(new SQLException("Deadlock", "40001", 1213))));
        assertTrue(Retry.isLockConflict(new IllegalStateException(new SQLException("Lock wait timeout", "HY000", 1205))));
    }

    @Test
    void otherFailuresAreNot() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new XAException("disk full"));
        assertFalse(Retry.isLockConflict(new IllegalStateException(rollback)));
        assertFalse(Retry.isLockConflict(new IllegalStateException(new SQLException("Unknown column", "42S22", 1054))));
    }
}

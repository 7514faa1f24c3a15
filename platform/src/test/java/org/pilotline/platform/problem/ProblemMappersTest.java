package org.pilotline.platform.problem;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Failures of the database that are not bugs answer 503 with Retry-After, and a client that breaks off its request 400,
 * never 500.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRequestNotAdmittedInTimeIs503ServerBusyWithItsReason() {
        Response answer = mappers.serverBusy(new ServerBusyException("too many reports at once"), null);
        assertEquals(503, answer.getStatus());
        assertEquals("1", answer.getHeaderString("Retry-After"));
        assertEquals("server-busy", type(answer));
        assertEquals("too many reports at once", ((ProblemDetail) answer.getEntity()).detail());
    }

    @Test
    void anExhaustedConnectionPoolIs503ServerBusy() {
        // what Hibernate makes of Agroal's refusal when no connection frees up within the acquisition timeout
        Response answer = mappers.unexpected(new IllegalStateException("request failed", new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))), null);
        assertEquals(503, answer.getStatus());
        assertEquals("1", answer.getHeaderString("Retry-After"));
        assertEquals("server-busy", type(answer));
    }

    @Test
    void aLostConnectionIs503DatabaseUnavailable() {
        Response answer = mappers.unexpected(new IllegalStateException("commit failed", new JDBCConnectionException(
                "Communications link failure", new SQLException("Communications link failure", "08S01"))), null);
        assertEquals(503, answer.getStatus());
        assertEquals("database-unavailable", type(answer));
    }

    @Test
    void aConnectionLostWhileCommittingIs503SayingTheOutcomeIsUnknown() {
        // what CrashRecoveryIT saw when the database was killed: Narayana's RollbackException with the XAException,
        // caused by Connector/J's CommunicationsException, suppressed under it
        jakarta.transaction.RollbackException rollback = new jakarta.transaction.RollbackException(
                "ARJUNA016053: Could not commit transaction.");
        javax.transaction.xa.XAException xa = new javax.transaction.xa.XAException("Error trying to transactionCommit");
        xa.initCause(new java.sql.SQLNonTransientConnectionException("Communications link failure", "08S01"));
        rollback.addSuppressed(xa);
        Response answer = mappers.unexpected(new IllegalStateException(rollback), null);
        assertEquals(503, answer.getStatus());
        assertEquals("database-unavailable", type(answer));
        assertEquals("1", answer.getHeaderString("Retry-After"));
    }

    @Test
    void aConnectionLostUnderALookupOfOurOwnIs503DatabaseUnavailable() {
        // what bin/cluster-check saw when a Galera node died: the MES's terminal lookup wraps Connector/J's
        // CommunicationsException (a SQLRecoverableException, SQLState 08S01)
        Response answer = mappers.unexpected(new IllegalStateException("Cannot look up the terminal",
                new java.sql.SQLRecoverableException("Communications link failure", "08S01")), null);
        assertEquals(503, answer.getStatus());
        assertEquals("database-unavailable", type(answer));
    }

    @Test
    void aStatementClosedWithItsKilledConnectionIs503DatabaseUnavailable() {
        // what TerminalCrashIT saw when MariaDB was killed mid-report: Hibernate's doWork on a statement that
        // Connector/J had closed with the broken connection (SQLState S1009, no cause)
        Response answer = mappers.unexpected(new IllegalStateException("report failed",
                new org.hibernate.exception.GenericJDBCException("Error executing work",
                        new SQLException("No operations allowed after statement closed.", "S1009"))), null);
        assertEquals(503, answer.getStatus());
        assertEquals("database-unavailable", type(answer));
        Response otherIllegalArgument = mappers.unexpected(new IllegalStateException("a bug",
                new SQLException("Parameter index out of range (3 > number of parameters, which is 2).", "S1009")), null);
        assertEquals(500, otherIllegalArgument.getStatus());
    }

    @Test
    void aBodyWhoseConnectionIsResetWhileItIsReadIs400IncompleteRequest() {
        // what RESTEasy Reactive's VertxInputStream throws when the client resets the connection mid-body
        Response reset = mappers.unexpected(new java.io.IOException(new java.io.IOException(
                new java.net.SocketException("Connection reset"))), null);
        Response closed = mappers.unexpected(new java.io.IOException(new java.nio.channels.ClosedChannelException()), null);
        assertEquals(400, reset.getStatus());
        assertEquals("incomplete-request", type(reset));
        assertEquals(400, closed.getStatus());
        assertEquals("incomplete-request", type(closed));
    }

    @Test
    void anIoFailureOfTheServerItselfStaysA500() {
        Response answer = mappers.unexpected(new java.io.IOException("No space left on device"), null);
        assertEquals(500, answer.getStatus());
    }

    @Test
    void anyOtherFailureStaysA500WithAnErrorId() {
        Response answer = mappers.unexpected(new IllegalStateException("a bug", new SQLException("Unknown column")), null);
        assertEquals(500, answer.getStatus());
        assertEquals("internal-error", type(answer));
    }

    private static String type(Response answer) {
        String type = ((ProblemDetail) answer.getEntity()).type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}

package org.pilotline.bpm.platform;

import jakarta.inject.Singleton;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;
import org.pilotline.bpm.journal.ProcessJournal;
import org.pilotline.bpm.tasks.TaskJournal;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's process engine configuration: Camunda's own for Quarkus, except that it takes the MyBatis mappings that
 * {@link PreparsedMappings} read while the application was booting, instead of reading them again on the main thread,
 * that every user task of every model is journalled ({@link TaskJournal}), that delegates run as the process's
 * enterprise ({@link TenantDelegateInterceptor}), that failed jobs are retried three times a minute apart before
 * they raise an incident, that an idle job executor looks for due timers at least every 5 seconds, that history is
 * written without the variable details and candidate links nothing reads ({@link DetailFreeHistoryEventHandler}),
 * and that the journal entries a command records are written in one batch when it flushes ({@link ProcessJournal}).
 */
@Singleton
public class PilotLineProcessEngineConfiguration extends QuarkusProcessEngineConfiguration {

    /** How a failed job is retried unless its model says otherwise: three attempts, a minute apart. */
    public static final String FAILED_JOB_RETRIES = "R3/PT1M";

    /** Camunda's longest wait of an idle job executor between two looks for due jobs. */
    static final long CAMUNDA_MAX_WAIT_MILLIS = 60_000;

    /**
     * Ours unless configured otherwise: an idle executor's wait grows from 5 s by doubling, so with Camunda's limit a
     * timer due after a quiet minute or two fired 15 to 60 s late (process benchmark); at most 5 s instead, for one
     * small query every 5 s when there is nothing to do.
     */
    public static final long MAX_IDLE_WAIT_MILLIS = 5_000;

    @Override
    protected void init() {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(getCustomPostBPMNParseListeners());
        }
        if (listeners.stream().noneMatch(TaskJournal.ParseListener.class::isInstance)) {
            listeners.add(new TaskJournal.ParseListener());
        }
        setCustomPostBPMNParseListeners(listeners);
        if (getHistoryEventHandler() == null && isEnableDefaultDbHistoryEventHandler()) {
            // the default database handler, without the variable details and candidate links nothing reads
            // (DetailFreeHistoryEventHandler)
            setEnableDefaultDbHistoryEventHandler(false);
            List<HistoryEventHandler> handlers = new ArrayList<>();
            handlers.add(new DetailFreeHistoryEventHandler());
            if (getCustomHistoryEventHandlers() != null) {
                handlers.addAll(getCustomHistoryEventHandlers());
            }
            setCustomHistoryEventHandlers(handlers);
        }
        List<SessionFactory> sessions = new ArrayList<>();
        if (getCustomSessionFactories() != null) {
            sessions.addAll(getCustomSessionFactories());
        }
        if (sessions.stream().noneMatch(ProcessJournal.PendingFactory.class::isInstance)) {
            sessions.add(new ProcessJournal.PendingFactory());
        }
        setCustomSessionFactories(sessions);
        if (getDelegateInterceptor() == null) {
            setDelegateInterceptor(new TenantDelegateInterceptor());
        }
        if (getFailedJobRetryTimeCycle() == null) {
            // a failing asynchronous step or timer is tried three times, a minute apart, then raises an incident
            setFailedJobRetryTimeCycle(FAILED_JOB_RETRIES);
        }
        if (getJobExecutor() != null && getJobExecutor().getMaxWait() == CAMUNDA_MAX_WAIT_MILLIS) {
            getJobExecutor().setMaxWait(MAX_IDLE_WAIT_MILLIS);
        }
        super.init();
    }

    @Override
    protected void initSqlSessionFactory() {
        if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory) {
            Configuration configuration = PreparsedMappings.take(databaseType, databaseTablePrefix);
            if (configuration != null) {
                configuration.setEnvironment(new Environment("default", transactionFactory, dataSource));
                configuration.setDefaultStatementTimeout(jdbcStatementTimeout);
                if (isJdbcBatchProcessing()) {
                    configuration.setDefaultExecutorType(ExecutorType.BATCH);
                }
                sqlSessionFactory = new DefaultSqlSessionFactory(configuration);
                releaseParsedXml(configuration);
                return;
            }
        }
        super.initSqlSessionFactory();
        releaseParsedXml(sqlSessionFactory.getConfiguration());
    }

    /**
     * MyBatis keeps every {@code <sql>} fragment of the mappings as a node of its parsed XML document, so the documents
     * of all fifty mapping files (≈ 15 MB of DOM, measured with a class histogram) stayed reachable for the engine's
     * lifetime, though fragments are only read while statements are built. Statements whose fragments lived in a
     * later file are built now (asking for the statement names builds every pending one), then the fragments go.
     */
    static void releaseParsedXml(Configuration configuration) {
        configuration.getMappedStatementNames();
        if (configuration.getIncompleteStatements().isEmpty()) {
            configuration.getSqlFragments().clear();
        }
    }
}

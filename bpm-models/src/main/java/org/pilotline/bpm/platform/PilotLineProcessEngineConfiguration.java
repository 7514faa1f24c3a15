package org.pilotline.bpm.platform;

import jakarta.inject.Singleton;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;
import org.pilotline.bpm.tasks.TaskJournal;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's process engine configuration: Camunda's own for Quarkus, except that it takes the MyBatis mappings that
 * {@link PreparsedMappings} read while the application was booting, instead of reading them again on the main thread,
 * and that every user task of every model is journalled ({@link TaskJournal}).
 */
@Singleton
public class PilotLineProcessEngineConfiguration extends QuarkusProcessEngineConfiguration {

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
                return;
            }
        }
        super.initSqlSessionFactory();
    }
}

package org.pilotline.bpm.platform;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's history at level {@code full}, less the variable-update details ({@code ACT_HI_DETAIL}): every instance,
 * step, task, assignment and variable ({@code ACT_HI_VARINST}) is still written, but not a second row per variable
 * value set. Nothing in the suite reads the details, and they were one of the statements of every start and every
 * completed task (process benchmark, docs/benchmarks/processes.md). The history level stored in the database stays
 * {@code full}, so existing databases start unchanged.
 */
public class DetailFreeHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }
}

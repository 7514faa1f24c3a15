package org.pilotline.bpm.platform;

import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Camunda's history at level {@code full}, less two kinds of rows nothing in the suite reads, each of which was a
 * statement of every process start (process benchmark, docs/benchmarks/processes.md):
 * <ul>
 *   <li>the variable-update details ({@code ACT_HI_DETAIL}): every instance, step, task and variable
 *   ({@code ACT_HI_VARINST}) is still written, but not a second row per variable value set;</li>
 *   <li>the log of a task's candidate users and groups ({@code ACT_HI_IDENTITYLINK} rows of type
 *   {@code candidate}): who a task is offered to is read from the running task's links, and the analytics read only
 *   the assignments ({@code assignee}, the waiting time until the first), which are still written, as are owners.</li>
 * </ul>
 * The history level stored in the database stays {@code full}, so existing databases start unchanged.
 */
public class DetailFreeHistoryEventHandler extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent historyEvent) {
        if (historyEvent instanceof HistoricIdentityLinkLogEventEntity link
                && IdentityLinkType.CANDIDATE.equals(link.getType())) {
            return;
        }
        super.handleEvent(historyEvent);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
        return false;
    }
}

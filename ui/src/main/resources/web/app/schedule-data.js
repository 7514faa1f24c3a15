// The Gantt's first reads, shared by the entry and the shell (which start them as soon as the page opens at
// /#/schedule, beside /api/me and the screen's module) and the Gantt screen (schedule.js, which takes their answers).
import { adopt, chosenEnterprise, prefetch } from './api.js';

export const LIVE_SCHEDULE = '/api/scheduling/schedules/live';

export function ganttPath(scheduleId) {
  return `/api/scheduling/schedules/${scheduleId}/gantt`;
}

/** The orders without their operations: the page builds them from the machines' lanes (half the answer). */
export const GANTT_QUERY = { orderOperations: 'false' };

/** What the Gantt needs beside it, asked for with the same queries by the screen (schedule.js) and early. */
export const WORK_CENTERS = ['/api/work-centers', { query: { size: 1000 } }];
export const WORK_UNITS = ['/api/work-units', { query: { size: 1000 } }];
/** Only live work orders can be on the schedule: asking for those keeps the closed ones from filling the page. */
export const WORK_ORDERS = ['RELEASED', 'IN_PROGRESS'].map((state) => ['/api/mes/work-orders', { query: { state, size: 1000 } }]);

/**
 * The live schedule and then its Gantt, asked for before the screen is there (an answer not taken is dropped): the
 * reads the entry started (index.js) when they went with the enterprise acted for now, else new ones.
 */
export function preloadSchedule() {
  [WORK_CENTERS, WORK_UNITS, ...WORK_ORDERS].forEach(([path, options]) => prefetch(path, options).catch(() => {}));
  const started = window.plEarlyGantt;
  window.plEarlyGantt = null;
  if (started && (started.enterprise || null) === (chosenEnterprise() || null)) {
    adopt(LIVE_SCHEDULE, {}, started.live);
    started.live.then((schedule) => adopt(ganttPath(schedule.id), { query: GANTT_QUERY }, started.gantt)).catch(() => {});
    return;
  }
  prefetch(LIVE_SCHEDULE)
    .then((schedule) => prefetch(ganttPath(schedule.id), { query: GANTT_QUERY }))
    .catch(() => {});
}

// The Gantt's first reads, shared by the shell (which starts them as soon as the page opens at /#/schedule, beside
// /api/me and the screen's module) and the Gantt screen (schedule.js, which takes their answers).
import { prefetch } from './api.js';

export const LIVE_SCHEDULE = '/api/scheduling/schedules/live';

export function ganttPath(scheduleId) {
  return `/api/scheduling/schedules/${scheduleId}/gantt`;
}

/** The orders without their operations: the page builds them from the machines' lanes (half the answer). */
export const GANTT_QUERY = { orderOperations: 'false' };

/** The live schedule and then its Gantt, asked for before the screen is there (an answer not taken is dropped). */
export function preloadSchedule() {
  prefetch(LIVE_SCHEDULE)
    .then((schedule) => prefetch(ganttPath(schedule.id), { query: GANTT_QUERY }))
    .catch(() => {});
}

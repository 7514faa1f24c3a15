// The bundle's entry point (the Web Bundler takes `index.js` as the entry instead of importing every file of web/app).
// It imports no script statically, so it runs as soon as it is fetched and asks for the shell and, for a page opened at
// the terminal or the Gantt, that screen's module at once, side by side, instead of one after the other (the shell's
// own import of the screen then finds it loaded), and for the Gantt its data too. Each screen is a module of its own
// (see SCREENS in app.js).
import './style.css';

const EARLY = { terminal: () => import('./terminal.js'), schedule: () => import('./schedule.js') };
const route = location.hash.replace(/^#\/?/, '').split('?')[0];
if (EARLY[route]) EARLY[route]().catch(() => {});
if (route === 'schedule') earlyGantt();
import('./app.js');

/**
 * The Gantt's reads, the longest of any first page, asked for before any module is there: the live schedule, then its
 * Gantt without each order's operations (schedule-data.js hands both to the screen through api.js). The same headers
 * as api.js (the enterprise an expert acts for is kept in the session's storage under the same key).
 */
function earlyGantt() {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  const enterprise = sessionStorage.getItem('pilotline.enterprise');
  if (enterprise) headers['PilotLine-Enterprise'] = enterprise;
  const json = (response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`)));
  const live = fetch('/api/scheduling/schedules/live', { headers, credentials: 'same-origin' }).then(json);
  const gantt = live.then((s) => fetch(`/api/scheduling/schedules/${s.id}/gantt?orderOperations=false`,
    { headers, credentials: 'same-origin' })).then(json);
  live.catch(() => {});
  gantt.catch(() => {});
  window.plEarlyGantt = { live, gantt, enterprise };
}

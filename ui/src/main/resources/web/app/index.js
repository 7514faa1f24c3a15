// The bundle's entry point (the Web Bundler takes `index.js` as the entry instead of importing every file of web/app).
// It imports no script statically, so it runs as soon as it is fetched and asks for the shell and, for a page opened at
// the terminal or the Gantt, that screen's module at once, side by side, instead of one after the other (the shell's
// own import of the screen then finds it loaded). Each screen is a module of its own (see SCREENS in app.js).
import './style.css';

const EARLY = { terminal: () => import('./terminal.js'), schedule: () => import('./schedule.js') };
const route = location.hash.replace(/^#\/?/, '').split('?')[0];
if (EARLY[route]) EARLY[route]().catch(() => {});
import('./app.js');

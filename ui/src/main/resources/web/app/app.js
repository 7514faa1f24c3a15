// The PilotLine web UI: sign-in, the menu the caller's roles allow, and the planner's first screens.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData, language, setLanguage, LANGUAGES } from './i18n.js';
import { keyed } from 'lit/directives/keyed.js';
import { api, chooseEnterprise, chosenEnterprise, ApiError } from './api.js';
import { setPlantZone } from './format.js';
import './login.js';
import { registerServiceWorker } from './offline.js';
import { preloadSchedule } from './schedule-data.js';

/**
 * Each screen's module, loaded when its route is first opened: the bundle is split (esbuild's code splitting, entry
 * `index.js`), so that the terminal's page loads neither ECharts nor the planner's screens, and a planner's first page
 * only the chart library its screen uses. The import starts at once for the route the page opens with, beside the
 * caller's `/api/me`.
 */
const SCREENS = {
  items: () => import('./items.js'),
  orders: () => import('./orders.js'),
  mrp: () => import('./mrp.js'),
  import: () => import('./excel-import.js'),
  schedule: () => import('./schedule.js'),
  enterprises: () => import('./enterprises.js'),
  terminal: () => import('./terminal.js'),
  board: () => import('./board.js'),
  bureau: () => import('./bureau.js'),
  tasks: () => import('./tasks.js'),
  expert: () => import('./expert.js'),
  admin: () => import('./admin.js'),
  routings: () => import('./routings.js'),
  calendars: () => import('./calendars.js'),
};
const screensLoaded = new Set();
const screensLoading = new Map();

/** Loads a route's screen module (once); resolves when its element is defined. */
export function loadScreen(route) {
  if (!SCREENS[route] || screensLoaded.has(route)) return Promise.resolve();
  if (!screensLoading.has(route)) {
    screensLoading.set(route, SCREENS[route]().then(() => { screensLoaded.add(route); }, (e) => {
      screensLoading.delete(route);
      throw e;
    }));
  }
  return screensLoading.get(route);
}

const READERS = ['admin', 'planner', 'manager', 'expert', 'operator', 'quality'];

/** The menu: each screen and the roles that may open it (the API refuses the others anyway). */
export const MENU = [
  { route: 'items', label: 'menu.items', roles: READERS, needsEnterprise: true },
  { route: 'orders', label: 'menu.orders', roles: READERS, needsEnterprise: true },
  { route: 'routings', label: 'menu.routings', roles: ['admin', 'planner', 'manager', 'expert'], needsEnterprise: true },
  { route: 'calendars', label: 'menu.calendars', roles: ['admin', 'planner', 'manager', 'expert'], needsEnterprise: true },
  { route: 'import', label: 'menu.import', roles: ['admin', 'planner'], needsEnterprise: true },
  { route: 'mrp', label: 'menu.mrp', roles: ['admin', 'planner', 'manager', 'expert'], needsEnterprise: true },
  { route: 'schedule', label: 'menu.schedule', roles: ['admin', 'planner', 'manager', 'expert', 'operator'], needsEnterprise: true },
  { route: 'board', label: 'menu.board', roles: READERS, needsEnterprise: true },
  { route: 'tasks', label: 'menu.tasks', roles: ['admin', 'planner', 'operator', 'quality', 'manager'], needsEnterprise: true },
  { route: 'expert', label: 'menu.expert', roles: ['expert'] },
  { route: 'bureau', label: 'menu.bureau', roles: ['bureau'] },
  { route: 'enterprises', label: 'menu.enterprises', roles: ['admin', 'bureau', 'expert', 'manager'] },
  { route: 'admin', label: 'menu.admin', roles: ['admin'] },
];

export function menuFor(me) {
  return MENU.filter((m) => m.roles.some((r) => me.roles.includes(r)) && (!m.needsEnterprise || me.enterprise));
}

class PlApp extends Screen {
  static properties = { me: { state: true }, route: { state: true }, checked: { state: true } };

  constructor() {
    super();
    this.route = this.currentRoute();
    this.prepare(this.route);
    // the Gantt's data are the longest read of any first page: asked for at once, not after /api/me and the module
    if (this.route === 'schedule') preloadSchedule();
    window.addEventListener('hashchange', () => { this.route = this.currentRoute(); this.prepare(this.route); });
    this.addEventListener('signed-in', () => this.loadMe());
    // the expert's page acts for another of the expert's enterprises, as the header's switcher does
    this.addEventListener('choose-enterprise', (e) => { chooseEnterprise(e.detail); this.loadMe(); });
    // a shop-floor terminal signs in with its own token, not a person's login
    if (this.route !== 'terminal') {
      this.loadingMe = true;
      this.loadMe();
    }
  }

  /** Starts loading the route's screen module; the page renders it once it is there. */
  prepare(route) {
    if (!SCREENS[route] || screensLoaded.has(route)) return;
    loadScreen(route).then(() => this.requestUpdate(), (e) => {
      console.error(e);
      this.screenFailed = route;
      this.requestUpdate();
    });
  }

  firstUpdated() {
    // the service worker (the app kept for a start without network) after the first page is on screen, so that its
    // install, which fetches the page and every file of the bundle, does not compete with the page's own start
    const later = window.requestIdleCallback || ((f) => setTimeout(f, 200));
    const register = () => later(() => registerServiceWorker(), { timeout: 2000 });
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }

  currentRoute() {
    return location.hash.replace(/^#\/?/, '').split('?')[0] || 'home';
  }

  async loadMe() {
    try {
      let me = await api('/api/me');
      // An expert with several enterprises acts for the one chosen here (header PilotLine-Enterprise).
      if (me.assignedEnterprises && me.assignedEnterprises.length && !chosenEnterprise()) {
        chooseEnterprise([...me.assignedEnterprises].sort()[0]);
        me = await api('/api/me');
      }
      setPlantZone(me.timeZone);
      this.me = me;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
      this.me = null;
    }
    this.checked = true;
  }

  async switchEnterprise(event) {
    chooseEnterprise(event.target.value);
    await this.loadMe();
  }

  async signOut() {
    await api('/api/me/sign-out', { method: 'POST' }).catch(() => {});
    chooseEnterprise(null);
    this.me = null;
    location.hash = '';
  }

  languageSwitch() {
    return html`<label class="lang">${t('lang.label')}
      <select id="language" @change=${(e) => setLanguage(e.target.value)}>
        ${Object.keys(LANGUAGES).map((l) => html`<option value=${l} ?selected=${l === language()}>${LANGUAGES[l]['lang.name'] ?? l}</option>`)}
      </select></label>`;
  }

  header() {
    const me = this.me;
    return html`<header>
      <h1><a href="#/">${t('app.title')}</a></h1>
      ${me ? html`
        ${me.assignedEnterprises && me.assignedEnterprises.length ? html`<label>${t('header.enterprise')}
          <select id="enterprise" @change=${this.switchEnterprise}>
            ${[...me.assignedEnterprises].sort().map((c) => html`<option value=${c} ?selected=${c === me.enterprise}>${c}</option>`)}
          </select></label>` : ''}
        <span class="who" data-v>${me.displayName}</span>
        <button id="sign-out" @click=${this.signOut}>${t('header.signOut')}</button>` : ''}
      ${this.languageSwitch()}
    </header>`;
  }

  nav() {
    return html`<nav><ul>
      <li><a href="#/" class=${this.route === 'home' ? 'active' : ''}>${t('menu.home')}</a></li>
      ${menuFor(this.me).map((m) => html`<li><a id=${`menu-${m.route}`} href=${`#/${m.route}`}
        class=${this.route === m.route ? 'active' : ''}>${t(m.label)}</a></li>`)}
    </ul></nav>`;
  }

  home() {
    const me = this.me;
    const menu = menuFor(me);
    return html`<section class="home">
      <h2>${tData('home.welcome', me.displayName)}</h2>
      <p>${me.enterprise ? tData('home.enterprise', me.enterpriseName, me.timeZone) : t('home.noEnterprise')}</p>
      <p>${t('home.roles', me.roles.map((r) => t(`role.${r}`)).join(language() === 'en' ? ', ' : '、'))}</p>
      <p>${menu.length ? t('home.pick') : t('home.nothing')}</p>
    </section>`;
  }

  screen() {
    const allowed = menuFor(this.me).find((m) => m.route === this.route);
    if (!allowed) return this.home();
    if (!screensLoaded.has(this.route)) return this.screenPending(this.route);
    const me = this.me;
    // Keyed by the enterprise, so that a switch reloads the screen's data.
    switch (this.route) {
      case 'items': return keyed(me.enterprise, html`<pl-items .me=${me}></pl-items>`);
      case 'orders': return keyed(me.enterprise, html`<pl-orders .me=${me}></pl-orders>`);
      case 'mrp': return keyed(me.enterprise, html`<pl-mrp .me=${me}></pl-mrp>`);
      case 'routings': return keyed(me.enterprise, html`<pl-routings .me=${me}></pl-routings>`);
      case 'calendars': return keyed(me.enterprise, html`<pl-calendars .me=${me}></pl-calendars>`);
      case 'import': return keyed(me.enterprise, html`<pl-import .me=${me}></pl-import>`);
      case 'schedule': return keyed(me.enterprise, html`<pl-schedule .me=${me}></pl-schedule>`);
      case 'board': return keyed(me.enterprise, html`<pl-board .me=${me}></pl-board>`);
      case 'tasks': return keyed(me.enterprise, html`<pl-tasks .me=${me}></pl-tasks>`);
      case 'expert': return keyed(me.enterprise, html`<pl-expert .me=${me}></pl-expert>`);
      case 'bureau': return html`<pl-bureau .me=${me}></pl-bureau>`;
      case 'enterprises': return html`<pl-enterprises .me=${me}></pl-enterprises>`;
      case 'admin': return keyed(me.enterprise, html`<pl-admin .me=${me}></pl-admin>`);
      default: return this.home();
    }
  }

  /** A screen whose module is still on its way (or could not be loaded: the network is down). */
  screenPending(route) {
    if (this.screenFailed === route) {
      return html`<p class="error" role="alert">${t('common.screenNotLoaded')}
        <button id="screen-retry" @click=${() => { this.screenFailed = null; this.prepare(route); }}>${t('common.retry')}</button></p>`;
    }
    this.prepare(route);
    return html`<p>${t('common.loading')}</p>`;
  }

  render() {
    if (this.route === 'terminal') {
      return screensLoaded.has('terminal') ? html`<pl-terminal></pl-terminal>` : this.screenPending('terminal');
    }
    if (!this.checked && !this.loadingMe) { this.loadingMe = true; this.loadMe(); }
    if (!this.checked) return html`${this.header()}<main><p>${t('common.loading')}</p></main>`;
    if (!this.me) return html`${this.header()}<main><pl-login></pl-login></main>`;
    return html`${this.header()}<div class="layout">${this.nav()}<main>${this.screen()}</main></div>`;
  }
}
customElements.define('pl-app', PlApp);

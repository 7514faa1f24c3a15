// The shop-floor terminal (/#/terminal), touch-first: a registered device (its token), an operator signed in with
// badge and PIN, the work center's dispatch list, start/pause/resume/finish, good and scrap quantities, pauses and
// downtime with reasons from the enterprise's tree, setup start and end, inspection results (terminal-inspection.js).
// Reports go through the offline queue (terminal-queue.js): made
// while the network is down, they wait in the browser and are sent, once each, when it is back. A device is connected
// with the token of its registration, typed in, or registered here by an administrator (user name and password, used
// for that request only and never kept).
import { html } from 'lit';
import { Screen } from './base.js';
import { language, setLanguage, t, tData, tEnum, LANGUAGES } from './i18n.js';
import { ApiError } from './api.js';
import { fieldError, problemFields } from './admin-form.js';
import { dateTime, quantity } from './format.js';
import { enqueue, pending, remove, touch } from './terminal-queue.js';
import './terminal-inspection.js';
import './terminal-lots.js';

const TOKEN_KEY = 'pilotline.terminal.token';
const CACHE_KEY = 'pilotline.terminal.cache';
/** How often a terminal with reports waiting tries the network again. */
const RETRY_MS = 3000;

export class NetworkError extends Error {}

/** A call of the terminal API with the device's token (no session cookie: a terminal is not a person's login). */
function terminalApi(token, path, options) {
  return authorizedApi(`Bearer ${token}`, path, options);
}

/** An administrator's user name and password as an HTTP Basic header (UTF-8), for registering the device here. */
function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

async function authorizedApi(authorization, path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  Object.entries(query || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v); });
  const headers = { Authorization: authorization, Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, { method, headers, credentials: 'omit', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (response.status >= 500 || (!json && !response.ok)) throw new NetworkError(`HTTP ${response.status}`);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * The state an operation is in after a report, as the server's table of transitions (OperationLifecycle) has it, for
 * work done offline: setup ends into running, and a resume returns to the state the pause interrupted.
 */
const AFTER = { START: 'RUNNING', SETUP_START: 'SETUP', SETUP_END: 'RUNNING', PAUSE: 'PAUSED', RESUME: 'RUNNING', FINISH: 'FINISHED' };
/** The states in which the server accepts each report (OperationLifecycle and OperationState.acceptsQuantity). */
const ALLOWED = {
  START: ['READY'], SETUP_START: ['READY', 'RUNNING'], SETUP_END: ['SETUP'], PAUSE: ['SETUP', 'RUNNING'],
  RESUME: ['PAUSED'], FINISH: ['RUNNING', 'PAUSED'], QUANTITY: ['RUNNING', 'PAUSED'],
};

class PlTerminal extends Screen {
  static properties = {
    session: { state: true }, lines: { state: true }, reasons: { state: true }, selected: { state: true },
    queue: { state: true }, online: { state: true }, log: { state: true }, message: { state: true },
    problem: { state: true }, busy: { state: true }, step: { state: true }, admin: { state: true },
  };

  constructor() {
    super();
    this.token = localStorage.getItem(TOKEN_KEY);
    const cache = JSON.parse(localStorage.getItem(CACHE_KEY) || '{}');
    this.lines = cache.lines || [];
    this.reasons = cache.reasons || [];
    this.queue = [];
    this.log = [];
    this.online = true;
    this.local = new Map();
  }

  connectedCallback() {
    super.connectedCallback();
    document.body.classList.add('terminal-mode');
    this.onOnline = () => this.flush();
    window.addEventListener('online', this.onOnline);
    this.timer = setInterval(() => { if (this.queue.length) this.flush(); }, RETRY_MS);
    this.start();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.body.classList.remove('terminal-mode');
    window.removeEventListener('online', this.onOnline);
    clearInterval(this.timer);
  }

  call(path, options) {
    return terminalApi(this.token, path, options);
  }

  async start() {
    if (!this.token) { this.step = 'register'; return; }
    try {
      this.session = await this.call('/api/mes/terminal');
      this.online = true;
      this.step = this.session.operator ? 'work' : 'sign-in';
      if (this.session.operator) await this.refresh();
    } catch (e) {
      if (e instanceof NetworkError && this.session === undefined) {
        // offline at start: work from what was cached, the queue sends when the network is back
        const cache = JSON.parse(localStorage.getItem(CACHE_KEY) || '{}');
        this.session = cache.session;
        this.online = false;
        this.step = this.session && this.session.operator ? 'work' : 'sign-in';
      } else if (e instanceof ApiError && e.status === 401) {
        this.step = 'register';
        this.problem = () => t('terminal.tokenRefused');
      } else {
        this.fail(e);
      }
    }
    await this.showQueue();
  }

  async register(event) {
    event.preventDefault();
    await this.connect(event.target.token.value.trim());
  }

  /** Connects the device with its token: kept in the browser, then the operator's sign-in (or the work, if signed in). */
  async connect(token) {
    this.busy = true;
    try {
      this.session = await terminalApi(token, '/api/mes/terminal');
      this.token = token;
      localStorage.setItem(TOKEN_KEY, token);
      this.problem = null;
      this.step = this.session.operator ? 'work' : 'sign-in';
      if (this.session.operator) await this.refresh();
    } catch (e) {
      this.problem = () => (e instanceof ApiError && e.status === 401 ? t('terminal.tokenRefused') : t('terminal.offline'));
    } finally {
      this.busy = false;
    }
  }

  /**
   * An administrator at the device: their user name and password read the enterprise's work centers; the credentials
   * stay in this form's memory until the terminal is registered (or the form is left), and are never stored.
   */
  async adminSignIn(event) {
    event.preventDefault();
    const f = event.target;
    const authorization = basic(f.username.value.trim(), f.password.value);
    this.busy = true;
    try {
      const centers = await authorizedApi(authorization, '/api/work-centers', { query: { size: 1000 } });
      this.admin = { authorization, centers: centers.items, errors: null };
      this.problem = null;
    } catch (e) {
      this.admin = null;
      this.problem = () => this.describeAdmin(e);
    } finally {
      this.busy = false;
    }
  }

  /** Registers this device at the work center chosen and connects it with the token the answer carries (shown nowhere). */
  async registerHere(event) {
    event.preventDefault();
    const f = event.target;
    const body = { code: f.code.value.trim() || null, name: f.name.value.trim() || null,
      workCenterId: f.workCenter.value ? Number(f.workCenter.value) : null };
    this.busy = true;
    let registered;
    try {
      registered = await authorizedApi(this.admin.authorization, '/api/mes/terminals', { method: 'POST', body });
    } catch (e) {
      this.admin = { ...this.admin, errors: problemFields(e) };
      this.problem = () => this.describeAdmin(e);
      this.busy = false;
      return;
    }
    this.admin = null;
    await this.connect(registered.token);
  }

  describeAdmin(e) {
    if (e instanceof NetworkError) return t('terminal.offline');
    if (e.status === 401) return t('terminal.adminRefused');
    if (e.status === 403) return t('terminal.adminOnly');
    return this.describe(e);
  }

  async signIn(event) {
    event.preventDefault();
    const f = event.target;
    this.busy = true;
    try {
      this.session = await this.call('/api/mes/terminal/sign-in', { method: 'POST', body: { badgeNumber: f.badge.value.trim(), pin: f.pin.value } });
      this.problem = null;
      this.step = 'work';
      await this.refresh();
    } catch (e) {
      this.problem = () => (e instanceof ApiError && e.status === 400 ? t('terminal.badPin') : e instanceof NetworkError ? t('terminal.offline') : this.describe(e));
    } finally {
      this.busy = false;
    }
  }

  async signOut() {
    if (this.queue.length) { this.problem = () => t('terminal.queueFirst'); return; }
    try {
      this.session = await this.call('/api/mes/terminal/sign-out', { method: 'POST' });
      this.selected = null;
      this.step = 'sign-in';
    } catch (e) {
      this.fail(e);
    }
  }

  /** The dispatch list and the reason tree, and both kept for a start without network. */
  async refresh() {
    try {
      const [session, lines, reasons] = await Promise.all([
        this.call('/api/mes/terminal'),
        this.call('/api/mes/dispatch-list', { query: { workCenterId: this.session.workCenterId } }),
        this.call('/api/mes/reasons'),
      ]);
      this.session = session;
      this.lines = lines;
      this.reasons = flatten(reasons);
      this.local = new Map();
      this.online = true;
      localStorage.setItem(CACHE_KEY, JSON.stringify({ session, lines, reasons: this.reasons }));
      if (this.selected) this.selected = this.lines.find((l) => l.operationId === this.selected.operationId) || null;
    } catch (e) {
      this.fail(e);
    }
  }

  async showQueue() {
    this.queue = this.session ? await pending(this.session.terminalId) : [];
  }

  /** Queues a report and sends what is queued: at once when online, else when the network is back. */
  async report(kind, fields = {}) {
    const line = this.selected;
    const body = { kind, ...fields };
    if (kind !== 'DOWNTIME') body.operationId = line.operationId;
    const entry = await enqueue(this.session.terminalId, this.session.lastSequence, body);
    this.applyLocally(line, entry.body);
    await this.showQueue();
    await this.flush();
  }

  /** The state the operator left the operation in shows at once, also offline; the server's answers replace it. */
  applyLocally(line, body) {
    if (!line || !AFTER[body.kind]) return;
    const before = this.stateOf(line);
    const pausedFrom = body.kind === 'PAUSE' ? before : (this.local.get(line.operationId) || {}).pausedFrom || line.pausedFrom;
    const state = body.kind === 'RESUME' && pausedFrom === 'SETUP' ? 'SETUP' : AFTER[body.kind];
    this.local.set(line.operationId, { state, pausedFrom: state === 'PAUSED' ? pausedFrom : undefined });
    this.requestUpdate();
  }

  /** Good and scrap of an operation's reports still waiting in the queue. */
  waitingQuantities(operationId) {
    return this.queue.filter((q) => q.body.operationId === operationId).reduce((sum, q) => ({
      good: sum.good + Number(q.body.good || 0), scrap: sum.scrap + Number(q.body.scrap || 0),
    }), { good: 0, scrap: 0 });
  }

  /**
   * Sends the queue in the order it was made, one report at a time. A report the server refused (a problem) leaves
   * the queue with its refusal shown; a network failure or a server error stops the round and keeps the rest.
   */
  async flush(alreadySent = 0) {
    if (!this.session) return;
    if (this.flushing) { this.again = true; return; }
    this.flushing = true;
    this.again = false;
    // reports sent by the round that asked for this one count too: the dispatch list is read again after either
    let sent = alreadySent;
    try {
      for (const entry of await pending(this.session.terminalId)) {
        try {
          const outcome = await this.call('/api/mes/reports', { method: 'POST', body: entry.body });
          await remove(entry.clientId);
          this.note({ entry, outcome });
          this.answered(entry, outcome);
          this.session = { ...this.session, lastSequence: Math.max(this.session.lastSequence, entry.sequence) };
          sent++;
        } catch (e) {
          if (e instanceof NetworkError) {
            entry.attempts += 1;
            await touch(entry);
            this.online = false;
            break;
          }
          if (e instanceof ApiError && e.status === 401) {
            this.online = true;
            this.problem = () => t('terminal.tokenRefused');
            break;
          }
          await remove(entry.clientId);
          this.note({ entry, refusal: e });
          sent++;
        }
        this.online = true;
      }
    } finally {
      this.flushing = false;
      await this.showQueue();
    }
    if (this.again && this.online) { await this.flush(sent); return; }
    if (sent && this.online && !this.queue.length) await this.refresh();
  }

  /** The server's state of the operation after an answer, unless more reports of it are still to be sent. */
  answered(entry, outcome) {
    const op = outcome && outcome.operation;
    if (!op) return;
    const line = this.lines.find((l) => l.operationId === op.id);
    if (line) line.state = op.state;
    if (!this.queue.some((q) => q.clientId !== entry.clientId && q.body.operationId === op.id)) this.local.delete(op.id);
  }

  note(result) {
    this.log = [result, ...this.log].slice(0, 12);
    // described when shown, so that the refusal follows a switch of language
    if (result.refusal) this.problem = () => this.describe(result.refusal);
  }

  describe(e) {
    if (e instanceof ApiError && e.problem && e.problem.type) {
      const slug = e.problem.type.split('/').pop();
      if (slug === 'nonconformance-open' && e.problem.nonConformance) return tData('terminal.finishHeld', e.problem.nonConformance);
      const known = LANGUAGES[language()][`refusal.${slug}`];
      return known ? t(`refusal.${slug}`) : html`${t('terminal.refused')} <span data-v>${slug}</span>`;
    }
    return t('terminal.offline');
  }

  fail(e) {
    if (e instanceof NetworkError) this.online = false;
    else this.problem = () => this.describe(e);
  }

  stateOf(line) {
    const l = this.local.get(line.operationId);
    return l ? l.state : line.state;
  }

  reasonName(r) {
    return language() === 'en' ? r.nameEn : r.nameZh;
  }

  reasonOptions(purposes) {
    return purposes.map((p) => {
      const rs = this.reasons.filter((r) => r.purpose === p && r.active);
      return rs.length ? html`<optgroup label=${t(`terminal.reasons.${p}`)}>${rs.map((r) => html`<option data-v value=${r.code}>${this.reasonName(r)}</option>`)}</optgroup>` : '';
    });
  }

  header() {
    const s = this.session;
    return html`<header class="terminal-header">
      <h1>${t('terminal.title')}</h1>
      ${s ? html`<span data-v class="terminal-code">${s.terminalCode}</span>` : ''}
      ${s && s.operator ? html`<span class="who">${tData('terminal.operator', s.operator)}</span>` : ''}
      <span id="connection" class=${this.online ? 'online' : 'offline'}>${this.online ? t('terminal.online') : t('terminal.offlineNow')}</span>
      <span id="queue-count" data-count=${this.queue.length}>${tData('terminal.queued', this.queue.length)}</span>
      <select id="language" @change=${(e) => setLanguage(e.target.value)}>
        ${Object.keys(LANGUAGES).map((l) => html`<option value=${l} ?selected=${l === language()}>${LANGUAGES[l]['lang.name']}</option>`)}
      </select>
      ${s && s.operator && this.step === 'work' ? html`<button id="operator-sign-out" @click=${this.signOut}>${t('terminal.signOut')}</button>` : ''}
    </header>`;
  }

  registerView() {
    return html`<form class="terminal-card" id="register" @submit=${this.register}>
      <h2>${t('terminal.register')}</h2>
      <p>${t('terminal.registerHint')}</p>
      <label>${t('terminal.token')} <input name="token" id="terminal-token" autocomplete="off" required></label>
      <button type="submit" class="big" ?disabled=${this.busy}>${t('terminal.connect')}</button>
    </form>
    ${this.registerHereView()}`;
  }

  registerHereView() {
    const a = this.admin;
    if (!a) {
      return html`<form class="terminal-card" id="register-admin" @submit=${this.adminSignIn}>
        <h2>${t('terminal.registerHere')}</h2>
        <p>${t('terminal.registerHereHint')}</p>
        <label>${t('login.username')} <input name="username" id="register-username" autocomplete="off" required></label>
        <label>${t('login.password')} <input name="password" id="register-password" type="password" autocomplete="off" required></label>
        <button type="submit" class="big" ?disabled=${this.busy}>${t('terminal.showWorkCenters')}</button>
      </form>`;
    }
    const err = (field) => fieldError(a.errors, field, 'register');
    return html`<form class="terminal-card" id="register-here" @submit=${this.registerHere}>
      <h2>${t('terminal.registerHere')}</h2>
      <label>${t('terminal.workCenter')} <select name="workCenter" id="register-center">
        ${a.centers.map((c) => html`<option data-v value=${c.id}>${c.code} · ${c.name}</option>`)}</select> ${err('workCenterId')}</label>
      <label>${t('terminal.code')} <input name="code" id="register-code" autocomplete="off"> ${err('code')}</label>
      <label>${t('terminal.name')} <input name="name" id="register-name" autocomplete="off"> ${err('name')}</label>
      <button type="submit" class="big" id="register-create" ?disabled=${this.busy}>${t('terminal.registerAndConnect')}</button>
      <button type="button" id="register-cancel" @click=${() => { this.admin = null; this.problem = null; }}>${t('common.cancel')}</button>
    </form>`;
  }

  signInView() {
    return html`<form class="terminal-card" id="operator-sign-in" @submit=${this.signIn}>
      <h2>${t('terminal.signIn')}</h2>
      <label>${t('terminal.badge')} <input name="badge" id="badge" autocomplete="off" required></label>
      <label>${t('terminal.pin')} <input name="pin" id="pin" type="password" inputmode="numeric" pattern="[0-9]*" autocomplete="off" required></label>
      <button type="submit" class="big" ?disabled=${this.busy}>${t('terminal.signInButton')}</button>
    </form>`;
  }

  listView() {
    if (!this.lines.length) return html`<p class="terminal-card">${t('terminal.nothing')}</p>`;
    return html`<table id="dispatch" class="touch"><thead><tr><th>${t('terminal.workOrder')}</th><th>${t('terminal.operation')}</th>
      <th>${t('terminal.item')}</th><th>${t('terminal.toGo')}</th><th>${t('terminal.plannedStart')}</th><th>${t('terminal.material')}</th>
      <th>${t('terminal.state')}</th></tr></thead>
      <tbody>${this.lines.map((l) => html`<tr data-op=${l.operationId} class=${this.selected && this.selected.operationId === l.operationId ? 'selected' : ''}
          @click=${() => { this.selected = l; this.problem = null; }}>
        <td data-v>${l.workOrderNumber}</td><td data-v>${l.operationNo} ${l.operationName || ''}</td><td data-v>${l.itemCode}</td>
        <td class="num" data-v>${quantity(l.quantityToGo)}</td><td data-v>${dateTime(l.plannedStart)}</td>
        <td>${tEnum('readiness', l.material)}</td>
        <td class="op-state">${tEnum('opState', this.stateOf(l))}${l.late ? html` <span class="late-flag">${t('terminal.late')}</span>` : ''}</td></tr>`)}
      </tbody></table>`;
  }

  actionsView() {
    const l = this.selected;
    if (!l) return html`<p class="hint">${t('terminal.pick')}</p>`;
    const state = this.stateOf(l);
    const waiting = this.waitingQuantities(l.operationId);
    const can = (s) => s.includes(state);
    const allowed = (kind) => ALLOWED[kind].includes(state);
    return html`<section id="actions" class="terminal-card" data-op=${l.operationId} data-state=${state}>
      <h2>${tData('terminal.selected', `${l.workOrderNumber} / ${l.operationNo}`)} <span data-v>${l.operationName || ''}</span></h2>
      <p>${tData('terminal.stateNow', tEnum('opState', state))} · ${tData('terminal.toGoNow', quantity(l.quantityToGo))}
        ${waiting.good || waiting.scrap ? html` · <span id="pending-quantities">${tData('terminal.reportedHere', waiting.good, waiting.scrap)}</span>` : ''}</p>
      <div class="buttons">
        <button id="act-setup-start" class="big" ?disabled=${!allowed('SETUP_START')} @click=${() => this.report('SETUP_START')}>${t('terminal.setupStart')}</button>
        <button id="act-setup-end" class="big" ?disabled=${!allowed('SETUP_END')} @click=${() => this.report('SETUP_END')}>${t('terminal.setupEnd')}</button>
        <button id="act-start" class="big go" ?disabled=${!can(['READY', 'WAITING'])} @click=${() => this.report('START')}>${t('terminal.start')}</button>
        <button id="act-resume" class="big go" ?disabled=${!allowed('RESUME')} @click=${() => this.report('RESUME')}>${t('terminal.resume')}</button>
        <button id="act-finish" class="big" ?disabled=${!allowed('FINISH')} @click=${() => this.finish()}>${t('terminal.finish')}</button>
      </div>
      <form id="quantity-form" class="row" @submit=${(e) => this.quantities(e)}>
        <label>${t('terminal.good')} <input name="good" type="number" min="0" step="any" inputmode="decimal"></label>
        <label>${t('terminal.scrap')} <input name="scrap" type="number" min="0" step="any" inputmode="decimal"></label>
        <label>${t('terminal.scrapReason')} <select name="scrapReason"><option value="">—</option>${this.reasonOptions(['SCRAP'])}</select></label>
        <button type="submit" class="big" ?disabled=${!allowed('QUANTITY')}>${t('terminal.reportQuantity')}</button>
      </form>
      <pl-terminal-lots .line=${l}></pl-terminal-lots>
      <form id="pause-form" class="row" @submit=${(e) => { e.preventDefault(); this.report('PAUSE', { reasonCode: e.target.reason.value }); }}>
        <label>${t('terminal.pauseReason')} <select name="reason" required>${this.reasonOptions(['PAUSE', 'DOWNTIME'])}</select></label>
        <button type="submit" class="big stop" ?disabled=${!allowed('PAUSE')} id="act-pause">${t('terminal.pause')}</button>
      </form>
      ${l.workUnitId ? html`<form id="downtime-form" class="row" @submit=${(e) => this.downtime(e)}>
        <label>${t('terminal.downtimeReason')} <select name="reason" required>${this.reasonOptions(['DOWNTIME'])}</select></label>
        <label>${t('terminal.downtimeMinutes')} <input name="minutes" type="number" min="1" max="1440" value="15" inputmode="numeric"></label>
        <button type="submit" class="big stop">${t('terminal.reportDowntime')}</button>
      </form>` : ''}
    </section>
    <pl-terminal-inspection .terminal=${this} .line=${l} state=${state} .queue=${this.queue} .log=${this.log}></pl-terminal-inspection>`;
  }

  quantities(event) {
    event.preventDefault();
    const f = event.target;
    const good = f.good.value.trim();
    const scrap = f.scrap.value.trim();
    if (!good && !scrap) return;
    if (scrap && Number(scrap) > 0 && !f.scrapReason.value) { this.problem = () => t('terminal.scrapNeedsReason'); return; }
    const fields = {};
    if (good) fields.good = good;
    if (scrap) { fields.scrap = scrap; fields.reasonCode = f.scrapReason.value || undefined; }
    Object.assign(fields, this.querySelector('pl-terminal-lots').take());
    f.reset();
    this.problem = null;
    this.report('QUANTITY', fields);
  }

  finish() {
    this.report('FINISH');
  }

  downtime(event) {
    event.preventDefault();
    const f = event.target;
    const to = new Date();
    const from = new Date(to.getTime() - Number(f.minutes.value) * 60000);
    this.report('DOWNTIME', { workUnitId: this.selected.workUnitId, reasonCode: f.reason.value, from: from.toISOString(), to: to.toISOString() });
  }

  queueView() {
    return html`<section id="queue" class="terminal-card">
      <h3>${t('terminal.queueTitle')}</h3>
      ${this.queue.length ? html`<ol class="queue">${this.queue.map((q) => html`<li data-client-id=${q.clientId} data-sequence=${q.sequence}>
        <span data-v>#${q.sequence}</span> ${tEnum('reportKind', q.body.kind)}
        ${q.body.good ? html` · ${tData('terminal.goodN', q.body.good)}` : ''}${q.body.scrap ? html` · ${tData('terminal.scrapN', q.body.scrap)}` : ''}
        ${q.body.kind === 'INSPECTION' ? html` · <span data-v>${quantity(q.body.measured)}</span>` : ''}
        ${q.body.lots ? html` · ${tData('lots.count', q.body.lots.length)}` : ''}${q.body.serials ? html` · ${tData('lots.serialCount', q.body.serials.length)}` : ''}
        · <span data-v>${dateTime(q.body.occurredAt)}</span> · ${t('terminal.waiting')}</li>`)}</ol>`
        : html`<p>${t('terminal.queueEmpty')}</p>`}
      ${this.log.length ? html`<h3>${t('terminal.sent')}</h3><ol class="sent">${this.log.map((r) => html`<li data-client-id=${r.entry.clientId}
          class=${r.refusal ? 'refused' : r.outcome.replayed ? 'replayed' : 'applied'}>
        <span data-v>#${r.entry.sequence}</span> ${tEnum('reportKind', r.entry.body.kind)} ·
        ${r.refusal ? html`<span class="error">${this.describe(r.refusal)}</span>`
          : r.outcome.replayed ? t('terminal.replayed') : t('terminal.applied')}${this.inspected(r)}</li>`)}</ol>` : ''}
    </section>`;
  }

  /** The server's verdict on an inspection result: within the limits, or the non-conformance it raised. */
  inspected(r) {
    const i = r.outcome && r.outcome.inspection;
    if (!i) return '';
    return i.withinLimits ? html` · <span class="verdict in">${t('inspection.withinLimits')}</span>`
      : html` · <span class="verdict out">${tData('inspection.ncrRaised', i.nonConformance)}</span>`;
  }

  render() {
    let body;
    if (!this.step) body = html`<p>${t('common.loading')}</p>`;
    else if (this.step === 'register') body = this.registerView();
    else if (this.step === 'sign-in') body = this.signInView();
    else {
      body = html`<div class="terminal-work">
        <div>${this.listView()}${this.actionsView()}</div>
        <div>${this.queueView()}</div></div>`;
    }
    return html`${this.header()}<main class="terminal">
      ${this.problem ? html`<p class="error" role="alert" id="terminal-problem">${typeof this.problem === 'function' ? this.problem() : this.problem}</p>` : ''}
      ${body}</main>`;
  }

  /** For the browser test: the reports still queued in IndexedDB. */
  queued() {
    return pending(this.session.terminalId);
  }
}
customElements.define('pl-terminal', PlTerminal);

/** The reason tree as a flat list (children after their parent). */
export function flatten(nodes, out = []) {
  (nodes || []).forEach((n) => { out.push({ ...n, children: undefined }); flatten(n.children, out); });
  return out;
}

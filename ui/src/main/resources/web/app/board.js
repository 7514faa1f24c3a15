// The machine board (andon): every machine's state live, the operation on it and the OEE of the current shift.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api, chosenEnterprise, ApiError } from './api.js';
import { dateTime, quantity } from './format.js';

const RECONNECT_MS = 3000;
const REFRESH_MS = 60000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Reads a server-sent event stream with fetch (not EventSource, which cannot send the PilotLine-Enterprise header an
 * expert's request needs): calls onEvent with each event's JSON data until the stream ends or the signal aborts.
 */
export async function readEvents(path, signal, onEvent) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'text/event-stream' };
  const enterprise = chosenEnterprise();
  if (enterprise) headers['PilotLine-Enterprise'] = enterprise;
  const response = await fetch(new URL(path, location.origin), { headers, credentials: 'same-origin', signal });
  if (!response.ok) {
    const text = await response.text();
    throw new ApiError(response.status, text ? JSON.parse(text) : null);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
      if (data) onEvent(JSON.parse(data));
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Whether instant a (ISO text) is after instant b. */
function later(a, b) {
  return Boolean(a) && (!b || Date.parse(a) > Date.parse(b));
}

class PlBoard extends Screen {
  static properties = {
    me: { attribute: false }, rows: { state: true }, oee: { state: true }, live: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    this.rows = null;
    this.oee = new Map();
    this.live = false;
  }

  connectedCallback() {
    super.connectedCallback();
    this.running = true;
    this.connect();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.running = false;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    if (this.abort) this.abort.abort();
  }

  /** Opens the stream: the whole board first, then each machine's new state; reconnects when it breaks. */
  async connect() {
    this.abort = new AbortController();
    try {
      await readEvents('/api/mes/machines/stream', this.abort.signal, (event) => this.apply(event));
    } catch (e) {
      if (!this.running) return;
      if (e instanceof ApiError) this.error = e.message;
    }
    this.live = false;
    if (this.running) this.retry = setTimeout(() => this.connect(), RECONNECT_MS);
  }

  apply(event) {
    if (event.kind === 'board') {
      this.merge(event.board.machines);
      this.live = true;
      this.error = null;
      this.loadOee();
    } else if (event.kind === 'state' && this.rows) {
      // a machine bound since the board was read: read the board again
      if (!this.rows.some((r) => r.machine === event.machine)) { this.refresh(); return; }
      this.rows = this.rows.map((r) => (r.machine !== event.machine || later(r.since, event.since) ? r
        : { ...r, state: event.state, operationMode: event.operationMode, since: event.since }));
    }
  }

  /** A fresh board, keeping a machine's state that the stream brought later than the board was read. */
  merge(machines) {
    const before = new Map((this.rows || []).map((r) => [`${r.workUnitId}/${r.machine}`, r]));
    this.rows = machines.map((m) => {
      const old = before.get(`${m.workUnitId}/${m.machine}`);
      return old && old.since && (!m.since || later(old.since, m.since))
        ? { ...m, state: old.state, operationMode: old.operationMode, since: old.since } : m;
    });
  }

  /** The operations and the OEE change without a machine event: read them again now and then. */
  async refresh() {
    try {
      const board = await api('/api/mes/machines');
      this.merge(board.machines);
      this.loadOee();
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Each work unit's shift roll-up bucket that holds this moment (its calendar's shifts; none: no shift now). */
  async loadOee() {
    const now = Date.now();
    const units = [...new Set(this.rows.map((r) => r.workUnitId))];
    const found = new Map();
    await Promise.all(units.map(async (id) => {
      try {
        const series = await api('/api/kpi/rollups', { query: {
          level: 'WORK_UNIT', id, grain: 'SHIFT', from: new Date(now - DAY_MS).toISOString(), to: new Date(now + 1000).toISOString(),
        } });
        const bucket = series.buckets.find((b) => Date.parse(b.start) <= now && now < Date.parse(b.end));
        if (bucket) found.set(id, { label: bucket.label, oee: (bucket.kpis.find((k) => k.code === 'OEE') || {}).value });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }));
    this.oee = found;
  }

  tile(r) {
    const state = r.state || 'NONE';
    const op = r.operation;
    const shift = this.oee.get(r.workUnitId);
    return html`<div class="machine state-${state}" data-unit=${r.workUnitId} data-machine=${r.machine || ''} data-state=${state}>
      <div class="machine-head"><strong data-v>${r.workUnitCode}</strong> <span class="muted" data-v>${r.workCenterCode}</span></div>
      <div class="machine-state">${tEnum('machineState', state)}</div>
      ${r.machine ? html`<div class="muted"><span data-v>${r.machine}</span>
        ${r.operationMode ? html` · ${tEnum('machineMode', r.operationMode)}` : ''}</div>
        <div class="muted">${t('board.since')} <span data-v>${dateTime(r.since)}</span></div>`
    : html`<div class="muted">${t('board.noMachine')}</div>`}
      <div class="machine-op">${op ? html`${t('board.operation')} <span data-v>${op.workOrderNumber} / ${op.operationNo} ${op.name}</span>
        (${tEnum('opState', op.state)})` : t('board.noOperation')}</div>
      <div class="machine-oee">${t('board.oee')}: ${shift
    ? html`<strong data-v>${shift.oee === null || shift.oee === undefined ? '–' : `${quantity(shift.oee)} %`}</strong>
          <span class="muted">(${t('board.shift')} <span data-v>${shift.label}</span>)</span>`
    : html`<span class="muted">${t('board.noShift')}</span>`}</div>
    </div>`;
  }

  render() {
    return html`<h2>${t('board.title')}</h2>
      <p class=${this.live ? 'note' : 'muted'} id="board-live">${this.live ? t('board.live') : t('board.connecting')}</p>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      <div class="legend">${['EXECUTING', 'NOT_EXECUTING', 'OUT_OF_SERVICE', 'NOT_AVAILABLE', 'NONE'].map((s) => html`
        <span class=${`chip state-${s}`}>${tEnum('machineState', s)}</span>`)}</div>
      ${!this.rows ? html`<p>${t('common.loading')}</p>`
    : !this.rows.length ? html`<p>${t('board.empty')}</p>`
      : html`<div class="board" id="machine-board">${this.rows.map((r) => this.tile(r))}</div>`}`;
  }
}
customElements.define('pl-board', PlBoard);

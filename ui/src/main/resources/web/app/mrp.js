// MRP: start a run and follow its progress; the planned orders of a run, with filters.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData, tEnum } from './i18n.js';
import { api } from './api.js';
import { date, dateTime, plantToday, quantity } from './format.js';
import { pager } from './pager.js';
import { dateInput, validDate } from './inputs.js';

const EXCEPTIONS = ['RELEASE_IN_PAST', 'EXPEDITE', 'DEFER', 'CANCEL', 'BELOW_SAFETY_STOCK', 'NO_VALID_FORMULA'];
const FINISHED = ['COMPLETED', 'FAILED', 'SUPERSEDED'];

class PlMrp extends Screen {
  static properties = {
    me: { attribute: false }, runs: { state: true }, run: { state: true }, planned: { state: true },
    filters: { state: true }, error: { state: true }, message: { state: true },
  };

  constructor() {
    super();
    this.filters = { type: '', dueFrom: '', dueTo: '', exception: '' };
  }

  get mayRun() {
    return this.me.roles.includes('admin') || this.me.roles.includes('planner');
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadRuns(0);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  async loadRuns(pageNo) {
    try {
      this.runs = await api('/api/mrp/runs', { query: { page: pageNo, size: 10 } });
      this.error = null;
      const running = this.runs.items.find((r) => !FINISHED.includes(r.status));
      if (running) this.follow(running.id);
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Polls a run until it finishes: its progress comes from its row, whichever replica runs it. */
  async follow(runId) {
    clearTimeout(this.timer);
    const run = await api(`/api/mrp/runs/${runId}`);
    this.run = run;
    if (!FINISHED.includes(run.status)) {
      this.timer = setTimeout(() => this.follow(runId), 1000);
    } else {
      await this.loadRunsOnly();
      if (run.status === 'COMPLETED') this.showPlanned(run, 0);
    }
  }

  async loadRunsOnly() {
    this.runs = await api('/api/mrp/runs', { query: { page: this.runs ? this.runs.page : 0, size: 10 } });
  }

  async start(event) {
    event.preventDefault();
    const form = event.target;
    if (!validDate(form.start.value)) { this.error = t('common.badDate'); return; }
    try {
      const run = await api('/api/mrp/runs', { method: 'POST', body: { start: form.start.value, weeks: Number(form.weeks.value) } });
      this.message = run.id;
      this.error = null;
      this.planned = null;
      await this.loadRunsOnly();
      this.follow(run.id);
    } catch (e) {
      this.error = e.message;
    }
  }

  async showPlanned(run, pageNo) {
    this.run = run;
    try {
      this.planned = await api(`/api/mrp/runs/${run.id}/planned-orders`, { query: { ...this.filters, page: pageNo, size: 20 } });
      this.error = null;
    } catch (e) {
      this.error = e.message;
    }
  }

  filter(event) {
    event.preventDefault();
    const f = event.target;
    if (!validDate(f.dueFrom.value) || !validDate(f.dueTo.value)) { this.error = t('common.badDate'); return; }
    this.filters = { type: f.type.value, dueFrom: f.dueFrom.value, dueTo: f.dueTo.value, exception: f.exception.value };
    this.showPlanned(this.run, 0);
  }

  startForm() {
    if (!this.mayRun) return '';
    return html`<form id="mrp-start" class="filters" @submit=${this.start}>
      <label>${t('mrp.startDate')} ${dateInput('start', plantToday(), { required: true })}</label>
      <label>${t('mrp.weeks')} <input type="number" name="weeks" min="1" max="520" value="52" required></label>
      <button type="submit" id="start-run">${t('mrp.start')}</button>
      ${this.message ? html`<span class="note">${tData('mrp.started', this.message)}</span>` : ''}
    </form>`;
  }

  progress(r) {
    const percent = Math.round((r.progress || 0) * 100);
    return html`<progress max="100" value=${percent}></progress> <span class="num">${percent}%</span>`;
  }

  runsTable() {
    const p = this.runs;
    if (!p) return html`<p>${t('common.loading')}</p>`;
    if (!p.items.length) return html`<p>${t('mrp.noRuns')}</p>`;
    return html`<table id="runs-table"><thead><tr><th>${t('mrp.run')}</th><th>${t('mrp.status')}</th><th>${t('mrp.phase')}</th>
        <th>${t('mrp.progress')}</th><th>${t('mrp.requestedAt')}</th><th>${t('mrp.finishedAt')}</th><th>${t('mrp.requestedBy')}</th>
        <th>${t('mrp.plannedOrders')}</th><th>${t('mrp.exceptions')}</th><th></th></tr></thead>
      <tbody>${p.items.map((listed) => {
        const r = this.run && this.run.id === listed.id ? this.run : listed;
        return html`<tr data-run=${r.id} class=${this.run && this.run.id === r.id ? 'selected' : ''}>
          <td class="num">${r.id}${r.current ? html` <span class="badge">${t('mrp.current')}</span>` : ''}</td>
          <td class="run-status">${tEnum('runStatus', r.status)}</td><td>${tEnum('phase', r.phase)}</td><td>${this.progress(r)}</td>
          <td data-v>${dateTime(r.requestedAt)}</td><td data-v>${dateTime(r.finishedAt)}</td><td data-v>${r.requestedBy}</td>
          <td class="num">${r.plannedOrders ?? ''}</td><td class="num">${r.exceptions ?? ''}</td>
          <td>${r.status === 'COMPLETED' || r.status === 'SUPERSEDED'
            ? html`<button class="show-planned" @click=${() => this.showPlanned(r, 0)}>${t('mrp.show')}</button>` : ''}</td></tr>`;
      })}</tbody></table>${pager(p, (n) => this.loadRuns(n))}`;
  }

  plannedSection() {
    const p = this.planned;
    if (!p) return '';
    const f = this.filters;
    return html`<section id="planned">
      <h3>${tData('mrp.plannedOf', this.run.id)}</h3>
      <form class="filters" id="planned-filters" @submit=${this.filter}>
        <label>${t('mrp.type')} <select name="type">
          <option value="">${t('common.all')}</option>
          ${['PRODUCTION', 'PURCHASE'].map((v) => html`<option value=${v} ?selected=${f.type === v}>${tEnum('plannedType', v)}</option>`)}
        </select></label>
        <label>${t('mrp.dueFrom')} ${dateInput('dueFrom', f.dueFrom)}</label>
        <label>${t('mrp.dueTo')} ${dateInput('dueTo', f.dueTo)}</label>
        <label>${t('mrp.exception')} <select name="exception">
          <option value="">${t('common.all')}</option>
          ${EXCEPTIONS.map((v) => html`<option value=${v} ?selected=${f.exception === v}>${tEnum('exception', v)}</option>`)}
        </select></label>
        <button type="submit">${t('common.apply')}</button>
      </form>
      ${!p.items.length ? html`<p>${t('common.none')}</p>` : html`
      <table id="planned-table"><thead><tr><th>${t('orders.item')}</th><th>${t('mrp.number')}</th><th>${t('mrp.type')}</th>
        <th>${t('orders.quantity')}</th><th>${t('mrp.release')}</th><th>${t('mrp.due')}</th><th>${t('mrp.formula')}</th>
        <th>${t('mrp.routing')}</th><th>${t('mrp.exceptions')}</th><th>${t('mrp.status')}</th></tr></thead>
        <tbody>${p.items.map((o) => html`<tr>
          <td data-v>${o.itemCode}</td><td class="num">${o.number}</td><td>${tEnum('plannedType', o.type)}</td>
          <td class="num" data-v>${quantity(o.quantity)}</td><td data-v>${date(o.releaseDate)}</td><td data-v>${date(o.dueDate)}</td>
          <td data-v>${o.formula ?? ''}</td><td data-v>${o.routing ?? ''}</td>
          <td>${(o.exceptions || []).map((x) => tEnum('exception', x)).join(' · ')}</td>
          <td>${tEnum('status', o.status)}${o.convertedTo ? html` <span data-v>${o.convertedTo}</span>` : ''}</td></tr>`)}
        </tbody></table>${pager(p, (n) => this.showPlanned(this.run, n))}`}
    </section>`;
  }

  render() {
    return html`<h2>${t('mrp.title')}</h2>
      ${this.startForm()}
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${this.runsTable()}
      ${this.plannedSection()}`;
  }
}
customElements.define('pl-mrp', PlMrp);

// MRP: start a run and follow its progress; the planned orders of a run, with filters; its exception messages; a
// planned order's pegging up and down; firm (and unfirm) and convert, one planned order or several at once.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData, tEnum } from './i18n.js';
import { api } from './api.js';
import { date, dateTime, plantToday, quantity } from './format.js';
import { pager } from './pager.js';
import { dateInput, validDate } from './inputs.js';
import { refusal, peggingTree, exceptionRows } from './mrp-views.js';

const EXCEPTIONS = ['RELEASE_IN_PAST', 'EXPEDITE', 'DEFER', 'CANCEL', 'BELOW_SAFETY_STOCK', 'NO_VALID_FORMULA', 'LEAD_TIME_SHORT'];
const FINISHED = ['COMPLETED', 'FAILED', 'SUPERSEDED'];

class PlMrp extends Screen {
  static properties = {
    me: { attribute: false }, runs: { state: true }, run: { state: true }, planned: { state: true },
    filters: { state: true }, error: { state: true }, message: { state: true },
    chosen: { state: true }, pegging: { state: true }, actionError: { state: true }, actionDone: { state: true },
    picked: { state: true }, bulkError: { state: true }, bulkDone: { state: true }, suppliers: { state: true },
    exceptions: { state: true }, exceptionKind: { state: true }, exceptionsError: { state: true },
  };

  constructor() {
    super();
    this.filters = { type: '', dueFrom: '', dueTo: '', exception: '', itemId: '' };
    this.picked = [];
    this.exceptionKind = '';
  }

  get mayRun() {
    return this.me.roles.includes('admin') || this.me.roles.includes('planner');
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadRuns(0);
    if (this.mayRun) this.loadSuppliers();
  }

  async loadSuppliers() {
    try {
      this.suppliers = (await api('/api/partners', { query: { supplier: true, size: 200 } })).items;
    } catch (e) {
      this.suppliers = [];
    }
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
    const other = !this.run || this.run.id !== run.id || !this.planned;
    this.run = run;
    if (other) {
      this.chosen = null;
      this.pegging = null;
      this.picked = [];
      this.bulkError = null;
      this.bulkDone = null;
      this.actionError = null;
      this.actionDone = null;
      this.showExceptions(0);
    }
    try {
      const { itemCode, ...query } = this.filters;
      this.planned = await api(`/api/mrp/runs/${run.id}/planned-orders`, { query: { ...query, page: pageNo, size: 20 } });
      this.error = null;
      if (this.chosen) {
        this.chosen = this.planned.items.find((o) => key(o) === key(this.chosen)) || this.chosen;
      }
    } catch (e) {
      this.error = e.message;
    }
  }

  async showExceptions(pageNo) {
    try {
      this.exceptions = await api(`/api/mrp/runs/${this.run.id}/exceptions`,
        { query: { kind: this.exceptionKind, page: pageNo, size: 20 } });
      this.exceptionsError = null;
    } catch (e) {
      this.exceptions = null;
      this.exceptionsError = e;
    }
  }

  filterExceptions(event) {
    event.preventDefault();
    this.exceptionKind = event.target.kind.value;
    this.showExceptions(0);
  }

  /** An exception's item: its planned orders, the other filters cleared. */
  showItem(exception) {
    this.filters = { type: '', dueFrom: '', dueTo: '', exception: '', itemId: exception.itemId, itemCode: exception.itemCode };
    this.showPlanned(this.run, 0);
  }

  filter(event) {
    event.preventDefault();
    const f = event.target;
    if (!validDate(f.dueFrom.value) || !validDate(f.dueTo.value)) { this.error = t('common.badDate'); return; }
    this.filters = { type: f.type.value, dueFrom: f.dueFrom.value, dueTo: f.dueTo.value, exception: f.exception.value,
      itemId: this.filters.itemId, itemCode: this.filters.itemCode };
    this.showPlanned(this.run, 0);
  }

  // ------------------------------------------------------------------------------------- one planned order

  choose(order) {
    if (this.chosen && key(this.chosen) === key(order)) return;
    this.chosen = order;
    this.pegging = null;
    this.actionError = null;
    this.actionDone = null;
  }

  path(order) {
    return `/api/mrp/runs/${this.run.id}/planned-orders/${order.itemId}/${order.number}`;
  }

  async peg(direction) {
    const order = this.chosen;
    try {
      const tree = await api(`${this.path(order)}/pegging`, { query: { direction } });
      this.pegging = { direction, tree };
      this.actionError = null;
    } catch (e) {
      this.pegging = null;
      this.actionError = e;
    }
  }

  async firm() {
    try {
      const firmed = await api(`${this.path(this.chosen)}/firm`, { method: 'POST' });
      this.actionError = null;
      this.actionDone = { key: 'mrp.firmedAs', args: [firmed.reference] };
      this.chosen = firmed.plannedOrder;
      await this.afterAction();
    } catch (e) {
      this.actionError = e;
      this.actionDone = null;
    }
  }

  /** Takes the firm back: the planned order is PLANNED again, and later runs plan its demand afresh. */
  async unfirm() {
    try {
      const unfirmed = await api(`${this.path(this.chosen)}/unfirm`, { method: 'POST' });
      this.actionError = null;
      this.actionDone = { key: 'mrp.unfirmed', args: [unfirmed.reference] };
      this.chosen = unfirmed.plannedOrder;
      await this.afterAction();
    } catch (e) {
      this.actionError = e;
      this.actionDone = null;
    }
  }

  async convert() {
    const supplier = this.querySelector('#convert-supplier');
    const body = supplier && supplier.value ? { supplierId: Number(supplier.value) } : {};
    try {
      const converted = await api(`${this.path(this.chosen)}/convert`, { method: 'POST', body });
      this.actionError = null;
      this.actionDone = { key: `mrp.convertedTo.${converted.orderType}`, args: [converted.orderNumber] };
      this.chosen = converted.plannedOrder;
      await this.afterAction();
    } catch (e) {
      this.actionError = e;
      this.actionDone = null;
    }
  }

  /** The run's counts and the page of planned orders as the server has them now. */
  async afterAction() {
    await this.showPlanned(this.run, this.planned ? this.planned.page : 0);
    try {
      this.run = await api(`/api/mrp/runs/${this.run.id}`);
    } catch (e) {
      // the list still shows the run as it was read last
    }
  }

  // ------------------------------------------------------------------------------------- several at once

  pick(order, on) {
    const rest = this.picked.filter((p) => key(p) !== key(order));
    this.picked = on ? [...rest, order] : rest;
  }

  async convertPicked(event) {
    event.preventDefault();
    const f = event.target;
    const supplierId = f.supplier.value ? Number(f.supplier.value) : null;
    const orders = this.picked.map((o) => ({ itemId: o.itemId, number: o.number,
      ...(o.type === 'PURCHASE' && supplierId ? { supplierId } : {}) }));
    try {
      const converted = await api(`/api/mrp/runs/${this.run.id}/planned-orders/convert`,
        { method: 'POST', body: { orders, release: f.release.checked } });
      this.bulkError = null;
      this.bulkDone = converted.map((c) => c.orderNumber);
      this.picked = [];
      await this.afterAction();
    } catch (e) {
      // a refusal names the selection (orders[i]): the row it names is marked
      this.bulkError = e;
      this.bulkRefused = new Map(((e.problem && e.problem.errors) || []).map((x) => {
        const m = /^orders\[(\d+)\]/.exec(x.field || '');
        return m && this.picked[Number(m[1])] ? [key(this.picked[Number(m[1])]), x.message] : null;
      }).filter(Boolean));
      this.bulkDone = null;
    }
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
      ${f.itemId ? html`<p class="note" id="item-filter">${tData('mrp.onlyItem', f.itemCode)}
        <button id="all-items" @click=${() => { this.filters = { ...this.filters, itemId: '', itemCode: '' }; this.showPlanned(this.run, 0); }}>${t('mrp.allItems')}</button></p>` : ''}
      ${this.bulkForm()}
      ${!p.items.length ? html`<p>${t('common.none')}</p>` : html`
      <table id="planned-table"><thead><tr>${this.mayRun ? html`<th></th>` : ''}<th>${t('orders.item')}</th><th>${t('mrp.number')}</th><th>${t('mrp.type')}</th>
        <th>${t('orders.quantity')}</th><th>${t('mrp.release')}</th><th>${t('mrp.due')}</th><th>${t('mrp.formula')}</th>
        <th>${t('mrp.routing')}</th><th>${t('mrp.exceptions')}</th><th>${t('mrp.status')}</th></tr></thead>
        <tbody>${p.items.map((o) => html`<tr data-planned=${key(o)} data-type=${o.type} data-status=${o.status}
            class=${[this.chosen && key(this.chosen) === key(o) ? 'selected' : '', this.refusedRow(o) ? 'refused' : ''].join(' ')}
            @click=${(e) => { if (!e.target.closest('input')) this.choose(o); }}>
          ${this.mayRun ? html`<td><input type="checkbox" class="pick" ?disabled=${o.status === 'CONVERTED'}
            .checked=${this.picked.some((x) => key(x) === key(o))} @change=${(e) => this.pick(o, e.target.checked)}></td>` : ''}
          <td data-v>${o.itemCode}</td><td class="num">${o.number}</td><td>${tEnum('plannedType', o.type)}</td>
          <td class="num" data-v>${quantity(o.quantity)}</td><td data-v>${date(o.releaseDate)}</td><td data-v>${date(o.dueDate)}</td>
          <td data-v>${o.formula ?? ''}</td><td data-v>${o.routing ?? ''}</td>
          <td>${(o.exceptions || []).map((x) => tEnum('exception', x)).join(' · ')}</td>
          <td class="po-status">${tEnum('status', o.status)}${o.convertedTo ? html` <span data-v>${o.convertedTo}</span>` : ''}
            ${this.refusedRow(o) ? html`<span class="error row-error"><span data-v>${this.refusedRow(o)}</span></span>` : ''}</td></tr>`)}
        </tbody></table>${pager(p, (n) => this.showPlanned(this.run, n))}`}
      ${this.chosenPanel()}
    </section>`;
  }

  refusedRow(order) {
    return this.bulkError && this.bulkRefused ? this.bulkRefused.get(key(order)) : null;
  }

  supplierSelect(id, name) {
    return html`<select id=${id} name=${name}><option value="">${t('mrp.noSupplier')}</option>
      ${(this.suppliers || []).map((s) => html`<option data-v value=${s.id}>${s.code} ${s.name}</option>`)}</select>`;
  }

  bulkForm() {
    if (!this.mayRun) return '';
    return html`<form id="bulk-convert" class="filters" @submit=${this.convertPicked}>
      <span>${tData('mrp.picked', this.picked.length)}</span>
      <label>${t('mrp.supplier')} ${this.supplierSelect('bulk-supplier', 'supplier')}</label>
      <label><input type="checkbox" name="release"> ${t('mrp.release.also')}</label>
      <button type="submit" id="convert-picked" ?disabled=${!this.picked.length}>${t('mrp.convertPicked')}</button>
      ${this.bulkDone ? html`<span class="note" id="bulk-done">${tData('mrp.convertedAll', this.bulkDone.join(', '))}</span>` : ''}
    </form>${refusal(this.bulkError, 'bulk-error')}`;
  }

  chosenPanel() {
    const o = this.chosen;
    if (!o) return '';
    const open = o.status !== 'CONVERTED';
    return html`<div id="planned-order" class="panel" data-planned=${key(o)} data-status=${o.status}>
      <h4>${tData('mrp.plannedOrder', `${o.itemCode}/${o.number}`)} · ${tEnum('plannedType', o.type)} · ${tEnum('status', o.status)}
        ${o.convertedTo ? html`<span data-v>${o.convertedTo}</span>` : ''}</h4>
      <div class="actions">
        <button id="peg-up" @click=${() => this.peg('up')}>${t('mrp.pegUp')}</button>
        <button id="peg-down" @click=${() => this.peg('down')}>${t('mrp.pegDown')}</button>
        ${this.mayRun && o.status === 'PLANNED' ? html`<button id="firm" @click=${this.firm}>${t('mrp.firm')}</button>` : ''}
        ${this.mayRun && o.status === 'FIRMED' ? html`<button id="unfirm" @click=${this.unfirm}>${t('mrp.unfirm')}</button>` : ''}
        ${this.mayRun && open ? html`${o.type === 'PURCHASE' ? html`<label>${t('mrp.supplier')} ${this.supplierSelect('convert-supplier', 'supplier')}</label>` : ''}
          <button id="convert" @click=${this.convert}>${t(o.type === 'PURCHASE' ? 'mrp.convertPurchase' : 'mrp.convertProduction')}</button>` : ''}
      </div>
      ${this.actionDone ? html`<p class="note" id="action-done">${tData(this.actionDone.key, ...this.actionDone.args)}</p>` : ''}
      ${refusal(this.actionError, 'action-error')}
      ${peggingTree(this.pegging)}
    </div>`;
  }

  exceptionsSection() {
    if (!this.planned) return '';
    const x = this.exceptions;
    return html`<section id="exceptions">
      <h3>${tData('mrp.exceptionsOf', this.run.id)}</h3>
      <form class="filters" id="exception-filters" @submit=${this.filterExceptions}>
        <label>${t('mrp.exception')} <select name="kind">
          <option value="">${t('common.all')}</option>
          ${EXCEPTIONS.map((v) => html`<option value=${v} ?selected=${this.exceptionKind === v}>${tEnum('exception', v)}</option>`)}
        </select></label>
        <button type="submit">${t('common.apply')}</button>
      </form>
      ${refusal(this.exceptionsError, 'exceptions-error')}
      ${x ? html`${exceptionRows(x, (e) => this.showItem(e))}${pager(x, (n) => this.showExceptions(n))}` : ''}
    </section>`;
  }

  render() {
    return html`<h2>${t('mrp.title')}</h2>
      ${this.startForm()}
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${this.runsTable()}
      ${this.plannedSection()}
      ${this.exceptionsSection()}`;
  }
}
customElements.define('pl-mrp', PlMrp);

/** A planned order is named by its item and its number within the item. */
function key(order) {
  return `${order.itemId}/${order.number}`;
}

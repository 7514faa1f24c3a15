// Routings at /#/routings: an item's routing revisions and, for the chosen one, its steps (work center, setup and run
// minutes, transfer quantity, the alternative work centers with their own times); admin and planner edit the steps and
// their alternatives, add and remove them, and start a new revision.
import { html } from 'lit';
import { Screen } from './base.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { date, quantity } from './format.js';
import { dateInput } from './inputs.js';
import { pager } from './pager.js';
import { problemFields, refusalLine, fieldError } from './admin-form.js';

const EDITORS = ['admin', 'planner'];

/** A step as the form holds it: every number as the text typed. */
function draftOf(op) {
  return {
    operationNo: String(op.operationNo), name: op.name, workCenterId: String(op.workCenterId),
    setupMinutes: op.setupMinutes ?? '', runMinutes: op.runMinutes ?? '', transferQuantity: op.transferQuantity ?? '',
    alternatives: (op.alternatives || []).map((a) => ({
      workCenterId: String(a.workCenterId), setupMinutes: a.setupMinutes ?? '', runMinutes: a.runMinutes ?? '',
    })),
  };
}

const blankOrText = (s) => (s === null || s === undefined || String(s).trim() === '' ? null : String(s).trim());

class PlRoutings extends Screen {
  static properties = {
    me: { attribute: false }, query: { state: true }, items: { state: true }, item: { state: true },
    routings: { state: true }, routing: { state: true }, draft: { state: true }, centers: { state: true },
    errors: { state: true }, failure: { state: true }, saved: { state: true }, error: { state: true },
    newErrors: { state: true }, newFailure: { state: true },
  };

  constructor() {
    super();
    this.query = '';
    this.errors = {};
    this.newErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.search(0);
    api('/api/work-centers', { query: { size: 1000, sort: 'code' } }).then((p) => { this.centers = p.items; })
      .catch((e) => { this.error = e; });
  }

  mayEdit() {
    return EDITORS.some((r) => this.me.roles.includes(r));
  }

  async search(pageNo) {
    const request = (this.request = (this.request || 0) + 1);
    try {
      const page = await api('/api/items', { query: { page: pageNo, size: 15, sort: 'code', q: this.query } });
      if (request !== this.request) return;
      this.items = page;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  async chooseItem(item, routingId) {
    this.item = item;
    this.saved = null;
    try {
      const page = await api('/api/routings', { query: { itemId: item.id, size: 100 } });
      this.routings = page.items.sort((a, b) => String(b.validFrom).localeCompare(String(a.validFrom)));
      const chosen = this.routings.find((r) => r.id === routingId) || this.routings[0];
      this.chooseRouting(chosen || null);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  chooseRouting(routing) {
    this.routing = routing;
    this.draft = routing ? routing.operations.map(draftOf) : [];
    this.errors = {};
    this.failure = null;
  }

  edit(i, field, v) {
    this.draft = this.draft.map((op, j) => (j === i ? { ...op, [field]: v } : op));
  }

  addStep() {
    const last = this.draft[this.draft.length - 1];
    const next = last && /^\d+$/.test(last.operationNo) ? String(Number(last.operationNo) + 10) : String((this.draft.length + 1) * 10);
    this.draft = [...this.draft, {
      operationNo: next, name: '', workCenterId: last ? last.workCenterId : '', setupMinutes: '0', runMinutes: '',
      transferQuantity: '', alternatives: [],
    }];
  }

  editAlternative(i, k, field, v) {
    this.draft = this.draft.map((op, j) => (j === i ? {
      ...op, alternatives: op.alternatives.map((a, m) => (m === k ? { ...a, [field]: v } : a)),
    } : op));
  }

  addAlternative(i) {
    this.draft = this.draft.map((op, j) => (j === i ? {
      ...op, alternatives: [...op.alternatives, { workCenterId: '', setupMinutes: op.setupMinutes, runMinutes: op.runMinutes }],
    } : op));
  }

  removeAlternative(i, k) {
    this.draft = this.draft.map((op, j) => (j === i ? { ...op, alternatives: op.alternatives.filter((_, m) => m !== k) } : op));
  }

  removeStep(i) {
    this.draft = this.draft.filter((_, j) => j !== i);
  }

  operationsBody() {
    return this.draft.map((op) => ({
      operationNo: blankOrText(op.operationNo), name: op.name, workCenterId: blankOrText(op.workCenterId),
      setupMinutes: blankOrText(op.setupMinutes), runMinutes: blankOrText(op.runMinutes),
      transferQuantity: blankOrText(op.transferQuantity),
      alternatives: op.alternatives.map((a) => ({
        workCenterId: blankOrText(a.workCenterId), setupMinutes: blankOrText(a.setupMinutes), runMinutes: blankOrText(a.runMinutes),
      })),
    }));
  }

  async save() {
    const r = this.routing;
    const body = {
      itemId: r.itemId, revision: r.revision, validFrom: r.validFrom, validTo: r.validTo,
      operations: this.operationsBody(), version: r.version,
    };
    try {
      const saved = await api(`/api/routings/${r.id}`, { method: 'PUT', body });
      this.saved = saved.revision;
      await this.chooseItem(this.item, saved.id);
      this.saved = saved.revision;
    } catch (e) {
      this.errors = problemFields(e);
      this.failure = e;
    }
  }

  async createRevision(event) {
    event.preventDefault();
    const form = event.target;
    // a date typed wrong is refused by the server, naming validFrom
    const validFrom = form.elements.validFrom.value.trim();
    const body = {
      itemId: this.item.id, revision: form.elements.revision.value.trim(), validFrom: validFrom || null,
      operations: this.operationsBody(),
    };
    try {
      const created = await api('/api/routings', { method: 'POST', body });
      this.newErrors = {};
      this.newFailure = null;
      form.reset();
      await this.chooseItem(this.item, created.id);
      this.saved = created.revision;
    } catch (e) {
      this.newErrors = problemFields(e);
      this.newFailure = e;
    }
  }

  centerSelect(op, i, editable) {
    if (!editable) return html`<span data-v>${this.centerLabel(op.workCenterId)}</span>`;
    return html`<select class="step-workCenter" @change=${(e) => this.edit(i, 'workCenterId', e.target.value)}>
      <option value="" ?selected=${!op.workCenterId}>${t('admin.choose')}</option>
      ${(this.centers || []).map((c) => html`<option value=${c.id} ?selected=${String(c.id) === String(op.workCenterId)} data-v>${c.code} ${c.name}</option>`)}</select>`;
  }

  /** A step's alternative work centers: read as a list, or edited each with its own setup and run minutes. */
  alternatives(op, i, editable) {
    if (!editable) {
      return html`<span data-v>${op.alternatives.map((a) => `${this.centerLabel(a.workCenterId)} (${quantity(a.setupMinutes)} + ${quantity(a.runMinutes)})`).join(', ')}</span>`;
    }
    const key = (k, field) => `operations[${i}].alternatives[${k}].${field}`;
    return html`<div class="alternatives"><span class="hint">${t('routing.alternatives')}:</span>
      ${op.alternatives.map((a, k) => html`<div class="alternative" data-alt=${k}>
        <select class="alt-workCenter" aria-label=${t('routing.workCenter')}
          @change=${(e) => this.editAlternative(i, k, 'workCenterId', e.target.value)}>
          <option value="" ?selected=${!a.workCenterId}>${t('admin.choose')}</option>
          ${(this.centers || []).map((c) => html`<option value=${c.id} ?selected=${String(c.id) === String(a.workCenterId)} data-v>${c.code} ${c.name}</option>`)}</select>
        <input class="alt-setupMinutes" size="4" aria-label=${t('routing.setupMinutes')} placeholder=${t('routing.altSetup')}
          .value=${a.setupMinutes ?? ''} @input=${(e) => this.editAlternative(i, k, 'setupMinutes', e.target.value)}>
        <input class="alt-runMinutes" size="4" aria-label=${t('routing.runMinutes')} placeholder=${t('routing.altRun')}
          .value=${a.runMinutes ?? ''} @input=${(e) => this.editAlternative(i, k, 'runMinutes', e.target.value)}>
        <button type="button" class="remove-alternative" title=${t('routing.removeAlternative')}
          @click=${() => this.removeAlternative(i, k)}>${t('routing.removeAlternative')}</button>
        ${fieldError(this.errors, key(k, 'workCenterId'), 'alt')}${fieldError(this.errors, key(k, 'setupMinutes'), 'alt')}
        ${fieldError(this.errors, key(k, 'runMinutes'), 'alt')}
      </div>`)}
      <button type="button" class="add-alternative" @click=${() => this.addAlternative(i)}>${t('routing.addAlternative')}</button></div>`;
  }

  centerLabel(id) {
    const c = (this.centers || []).find((w) => String(w.id) === String(id));
    return c ? `${c.code} ${c.name}` : String(id);
  }

  input(op, i, field, size, editable) {
    const err = fieldError(this.errors, `operations[${i}].${field}`, 'step');
    if (!editable) return html`<span data-v>${field === 'name' ? op[field] : quantity(op[field])}</span>`;
    return html`<input class=${`step-${field}`} size=${size} .value=${op[field] ?? ''}
      @input=${(e) => this.edit(i, field, e.target.value)}>${err}`;
  }

  steps() {
    const editable = this.mayEdit();
    const draft = this.draft;
    return html`<table id="steps-table"><thead><tr><th>${t('routing.operationNo')}</th><th>${t('routing.name')}</th>
      <th>${t('routing.workCenter')}</th><th class="num">${t('routing.setupMinutes')}</th><th class="num">${t('routing.runMinutes')}</th>
      <th class="num">${t('routing.transferQuantity')}</th><th>${t('routing.alternatives')}</th><th></th></tr></thead>
      <tbody>${draft.map((op, i) => html`<tr data-index=${i} data-no=${op.operationNo}>
        <td>${this.input(op, i, 'operationNo', 4, editable)}</td><td>${this.input(op, i, 'name', 16, editable)}</td>
        <td>${this.centerSelect(op, i, editable)}${fieldError(this.errors, `operations[${i}].workCenterId`, 'step')}</td>
        <td class="num">${this.input(op, i, 'setupMinutes', 6, editable)}</td><td class="num">${this.input(op, i, 'runMinutes', 6, editable)}</td>
        <td class="num">${this.input(op, i, 'transferQuantity', 6, editable)}</td>
        <td>${this.alternatives(op, i, false)}</td>
        <td>${editable ? html`<button class="remove-step" @click=${() => this.removeStep(i)}>${t('routing.removeStep')}</button>` : ''}</td>
      </tr>${editable ? html`<tr class="alternatives-row" data-index=${i}><td></td>
        <td colspan="7">${this.alternatives(op, i, true)}</td></tr>` : ''}`)}</tbody></table>
      ${fieldError(this.errors, 'operations', 'step')}
      ${editable ? html`<div class="actions"><button id="add-step" @click=${this.addStep}>${t('routing.addStep')}</button>
        ${this.routing ? html`<button id="save-routing" @click=${this.save}>${t('routing.save')}</button>` : ''}</div>` : ''}`;
  }

  detail() {
    if (!this.item) return html`<p class="hint">${t('routing.pickItem')}</p>`;
    const r = this.routing;
    return html`<h3>${t('routing.of')} <span data-v>${this.item.code} ${this.item.name}</span></h3>
      ${this.routings && this.routings.length ? html`<div class="tabs" role="tablist">${this.routings.map((x) => html`
        <button role="tab" class=${`revision ${r && r.id === x.id ? 'active' : ''}`} data-revision=${x.revision}
          @click=${() => this.chooseRouting(x)}><span data-v>${x.revision} · ${date(x.validFrom)}${x.validTo ? ` – ${date(x.validTo)}` : ''}</span></button>`)}</div>`
    : html`<p id="no-routing">${t('routing.none')}</p>`}
      ${this.saved ? html`<p class="notice" id="routing-saved">${t('routing.saved')} <span data-v>${this.saved}</span></p>` : ''}
      ${refusalLine(this.failure, 'routing-refusal')}
      ${r || (this.mayEdit() && this.draft) ? this.steps() : ''}
      ${this.mayEdit() ? html`<form id="revision-form" class="panel" @submit=${this.createRevision} novalidate>
        <h3>${t('routing.newRevision')}</h3><p class="hint">${r ? t('routing.newRevisionCopies') : t('routing.newRevisionEmpty')}</p>
        ${refusalLine(this.newFailure, 'revision-refusal')}
        <div class="field"><label>${t('routing.revision')} <input name="revision" id="revision-name" size="8"></label>${fieldError(this.newErrors, 'revision', 'revision')}</div>
        <div class="field"><label>${t('routing.validFrom')} ${dateInput('validFrom', '')}</label>${fieldError(this.newErrors, 'validFrom', 'revision')}</div>
        ${fieldError(this.newErrors, 'operations', 'revision')}
        <button id="create-revision" type="submit">${t('routing.create')}</button></form>` : ''}`;
  }

  render() {
    const p = this.items;
    return html`<h2>${t('routing.title')}</h2>${refusalLine(this.error, 'routings-error')}
      <div class="split"><div class="pane">
        <form class="filters" @submit=${(e) => { e.preventDefault(); this.query = e.target.elements.q.value; this.search(0); }}>
          <input name="q" id="routing-item-q" size="16"> <button id="routing-search" type="submit">${t('common.search')}</button></form>
        ${!p ? html`<p>${t('common.loading')}</p>` : !p.items.length ? html`<p>${t('common.none')}</p>` : html`
          <table id="routing-items"><thead><tr><th>${t('items.code')}</th><th>${t('items.name')}</th></tr></thead>
            <tbody>${p.items.map((i) => html`<tr data-code=${i.code} class=${this.item && this.item.id === i.id ? 'selected' : ''}
              @click=${() => this.chooseItem(i)}><td data-v>${i.code}</td><td data-v class="name">${i.name}</td></tr>`)}</tbody></table>
          ${pager(p, (n) => this.search(n))}`}
      </div><div class="pane">${this.detail()}</div></div>`;
  }
}
customElements.define('pl-routings', PlRoutings);

// The enterprise's reason tree: planned or unplanned, then categories, then the reasons a terminal offers for a pause,
// downtime or scrap; each named in Chinese and English. Add a category or reason under one, rename, retire.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum, language } from './i18n.js';
import { api } from './api.js';
import { problemFields, refusalLine, fieldError, value } from './admin-form.js';

const PURPOSES = ['CATEGORY', 'DOWNTIME', 'PAUSE', 'SCRAP'];

function flatten(nodes, into = []) {
  nodes.forEach((n) => { into.push(n); flatten(n.children || [], into); });
  return into;
}

class PlAdminReasons extends Screen {
  static properties = {
    me: { attribute: false }, tree: { state: true }, error: { state: true }, errors: { state: true },
    failure: { state: true }, editing: { state: true }, editErrors: { state: true }, editFailure: { state: true },
    parent: { state: true }, saved: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.editErrors = {};
    this.parent = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.tree = await api('/api/mes/reasons');
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  name(n) {
    return language() === 'en' ? n.nameEn : n.nameZh;
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    const parentId = value(form, 'parentId');
    const body = {
      parentId: parentId === null ? null : Number(parentId), code: value(form, 'code') ?? '',
      purpose: form.elements.purpose.value, planned: form.elements.planned.checked,
      nameZh: value(form, 'nameZh') ?? '', nameEn: value(form, 'nameEn') ?? '',
    };
    try {
      const created = await api('/api/mes/reasons', { method: 'POST', body });
      this.saved = created.code;
      this.errors = {};
      this.failure = null;
      form.reset();
      this.parent = '';
      await this.load();
    } catch (e) {
      this.errors = problemFields(e);
      this.failure = e;
      this.saved = null;
    }
  }

  async saveReason(n, changes) {
    const body = {
      parentId: n.parentId, code: n.code, purpose: n.purpose, planned: n.planned, nameZh: n.nameZh, nameEn: n.nameEn,
      active: n.active, version: n.version, ...changes,
    };
    try {
      await api(`/api/mes/reasons/${n.id}`, { method: 'PUT', body });
      this.editing = null;
      this.editErrors = {};
      this.editFailure = null;
      await this.load();
    } catch (e) {
      this.editErrors = problemFields(e);
      this.editFailure = e;
    }
  }

  rename(event, n) {
    event.preventDefault();
    const form = event.target;
    this.saveReason(n, { nameZh: value(form, 'nameZh') ?? '', nameEn: value(form, 'nameEn') ?? '' });
  }

  async chooseParent(n) {
    this.parent = String(n.id);
    await this.updateComplete;
    const form = this.querySelector('#reason-form');
    if (!form) return;
    form.elements.parentId.value = String(n.id);
    form.elements.planned.checked = n.planned;
    form.scrollIntoView({ block: 'nearest' });
  }

  node(n) {
    const editing = this.editing === n.id;
    return html`<li class=${`reason ${n.active ? '' : 'inactive'}`} data-code=${n.code} data-id=${n.id}>
      <span class="reason-purpose">${tEnum('admin.purpose', n.purpose)}</span>
      <span data-v class="reason-code">${n.code}</span>
      <span data-v class="reason-name">${this.name(n)}</span>
      <span data-v class="muted reason-other">${language() === 'en' ? n.nameZh : n.nameEn}</span>
      ${n.active ? '' : html`<span class="badge">${t('admin.reasons.retired')}</span>`}
      ${editing ? html`<form class="rename-form" @submit=${(e) => this.rename(e, n)} novalidate>
          ${refusalLine(this.editFailure, 'rename-refusal')}
          <label>${t('admin.reasons.nameZh')} <input name="nameZh" class="rename-zh" .value=${n.nameZh}></label>${fieldError(this.editErrors, 'nameZh', 'rename')}
          <label>${t('admin.reasons.nameEn')} <input name="nameEn" class="rename-en" .value=${n.nameEn}></label>${fieldError(this.editErrors, 'nameEn', 'rename')}
          <button type="submit" class="save-rename">${t('admin.save')}</button>
          <button type="button" @click=${() => { this.editing = null; }}>${t('common.cancel')}</button></form>`
    : html`<button class="rename" @click=${() => { this.editing = n.id; this.editErrors = {}; this.editFailure = null; }}>${t('admin.reasons.rename')}</button>
          ${n.purpose === 'CATEGORY' && n.active ? html`<button class="add-under" @click=${() => this.chooseParent(n)}>${t('admin.reasons.addUnder')}</button>` : ''}
          <button class="retire" @click=${() => this.saveReason(n, { active: !n.active })}>${n.active ? t('admin.reasons.retire') : t('admin.reasons.reactivate')}</button>`}
      ${n.children && n.children.length ? html`<ul>${n.children.map((c) => this.node(c))}</ul>` : ''}
    </li>`;
  }

  group(planned) {
    const roots = this.tree.filter((n) => n.planned === planned);
    const id = planned ? 'reasons-planned' : 'reasons-unplanned';
    return html`<section id=${id} class="reason-group"><h3>${planned ? t('admin.reasons.planned') : t('admin.reasons.unplanned')}</h3>
      ${roots.length ? html`<ul class="reason-tree">${roots.map((n) => this.node(n))}</ul>` : html`<p>${t('common.none')}</p>`}</section>`;
  }

  form() {
    const errors = this.errors;
    const categories = flatten(this.tree || []).filter((n) => n.purpose === 'CATEGORY');
    return html`<form id="reason-form" class="panel" @submit=${this.add} novalidate>
      <h3>${t('admin.reasons.new')}</h3>
      ${refusalLine(this.failure, 'reason-form-refusal')}
      ${this.saved ? html`<p class="notice" id="reason-saved">${t('admin.reasons.saved')} <span data-v>${this.saved}</span></p>` : ''}
      <div class="field"><label>${t('admin.reasons.parent')} <select name="parentId" id="reason-parent"
        @change=${(e) => { this.parent = e.target.value; }}>
        <option value="" ?selected=${this.parent === ''}>${t('admin.reasons.noParent')}</option>
        ${categories.map((c) => html`<option value=${c.id} ?selected=${String(c.id) === this.parent} data-v>${c.code} ${this.name(c)}</option>`)}</select></label>${fieldError(errors, 'parentId', 'reason')}</div>
      <div class="field"><label>${t('admin.reasons.code')} <input name="code" id="reason-code" autocomplete="off"></label>${fieldError(errors, 'code', 'reason')}</div>
      <div class="field"><label>${t('admin.reasons.purpose')} <select name="purpose" id="reason-purpose">
        ${PURPOSES.map((p) => html`<option value=${p}>${tEnum('admin.purpose', p)}</option>`)}</select></label>${fieldError(errors, 'purpose', 'reason')}</div>
      <div class="field"><label><input type="checkbox" name="planned" id="reason-planned"> ${t('admin.reasons.isPlanned')}</label>${fieldError(errors, 'planned', 'reason')}</div>
      <div class="field"><label>${t('admin.reasons.nameZh')} <input name="nameZh" id="reason-nameZh"></label>${fieldError(errors, 'nameZh', 'reason')}</div>
      <div class="field"><label>${t('admin.reasons.nameEn')} <input name="nameEn" id="reason-nameEn"></label>${fieldError(errors, 'nameEn', 'reason')}</div>
      <button id="add-reason" type="submit">${t('admin.reasons.add')}</button>
    </form>`;
  }

  render() {
    return html`${refusalLine(this.error, 'reasons-refusal')}
      <div class="split"><div class="pane">${!this.tree ? html`<p>${t('common.loading')}</p>` : html`${this.group(false)}${this.group(true)}`}</div>
      <div class="pane">${this.form()}</div></div>`;
  }
}
customElements.define('pl-admin-reasons', PlAdminReasons);

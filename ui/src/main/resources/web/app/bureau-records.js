// The bureau keeps the programme's records on the dashboard's Records tab: cohorts (year, names, type, the enterprises
// selected), expert pairings (expert, enterprise, valid from/to), model cases (enterprise, manufacturing type, year,
// citation), training sessions (level, topic, date, hours, trainer, attendance per enterprise) and research projects
// (titles, enterprises, experts, milestones, outcome; moved along their life by the status buttons). Each list is read
// from its API; a record chosen fills the form and is saved with the version read (a record changed meanwhile is
// refused with 409, never overwritten); a refusal is shown next to each field it names, the rest above the form.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { date, quantity } from './format.js';
import { dateInput, validDate } from './inputs.js';
import { fieldError, problemFields, refusalLine, value } from './admin-form.js';

const KINDS = ['cohorts', 'pairings', 'modelCases', 'trainings', 'projects'];
const PATHS = {
  cohorts: '/api/programme/cohorts',
  pairings: '/api/programme/pairings',
  modelCases: '/api/programme/model-cases',
  trainings: '/api/programme/trainings',
  projects: '/api/programme/projects',
};
const COHORT_TYPES = ['PILOT', 'DEMONSTRATION'];
const MFG_TYPES = ['DISCRETE', 'PROCESS', 'MIXED'];
const LEVELS = ['ENGINEERING', 'MANAGEMENT'];
/** The statuses a research project may move to from each (ProjectStatus.allowedTargets). */
const NEXT_STATUS = { PROPOSED: ['ACTIVE', 'CANCELLED'], ACTIVE: ['COMPLETED', 'CANCELLED'], COMPLETED: [], CANCELLED: [] };

/** A typed whole number as a number; anything else as typed, for the server to name the field it cannot read. */
function number(text) {
  return text !== null && /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}

class PlBureauRecords extends Screen {
  static properties = {
    kind: { state: true }, rows: { state: true }, enterprises: { state: true }, chosen: { state: true },
    attendance: { state: true }, milestones: { state: true }, errors: { state: true }, refusal: { state: true }, notice: { state: true },
    loading: { state: true },
  };

  constructor() {
    super();
    this.kind = 'cohorts';
    this.rows = null;
    this.enterprises = [];
    this.chosen = null;
    this.attendance = [];
    this.milestones = [];
    this.generation = 0;
  }

  connectedCallback() {
    super.connectedCallback();
    this.loadEnterprises();
    this.load();
  }

  async loadEnterprises() {
    try {
      const page = await api('/api/enterprises', { query: { size: 1000 } });
      this.enterprises = page.items;
    } catch (e) {
      this.refusal = e;
    }
  }

  async load() {
    const kind = this.kind;
    this.loading = true;
    try {
      const page = await api(PATHS[kind], { query: { size: 1000 } });
      if (kind === this.kind) this.rows = page.items;
    } catch (e) {
      this.refusal = e;
    } finally {
      this.loading = false;
    }
  }

  show(kind) {
    if (kind === this.kind) return;
    this.kind = kind;
    this.rows = null;
    this.choose(null);
    this.notice = null;
    this.load();
  }

  /** A record to change (null: a new one); the form is drawn again from it. */
  choose(row) {
    this.chosen = row;
    this.errors = null;
    this.refusal = null;
    this.attendance = this.kind === 'trainings' && row
      ? row.attendance.map((a) => ({ ...a, personHours: String(a.personHours) })) : [];
    this.milestones = this.kind === 'projects' && row ? row.milestones.map((m) => ({ ...m })) : [];
    // the form is made anew for the record chosen: nothing typed into the one before stays in it
    this.generation += 1;
  }

  /** The request body the form describes, or null when a typed date is not a date (named next to it). */
  body(form) {
    const version = this.chosen ? this.chosen.version : null;
    const dates = {};
    const checkDate = (name) => {
      const v = value(form, name);
      if (!validDate(v)) dates[name] = t('common.badDate');
      return v;
    };
    let body;
    switch (this.kind) {
      case 'cohorts':
        body = {
          year: number(value(form, 'year')), nameZh: value(form, 'nameZh'), nameEn: value(form, 'nameEn'),
          type: value(form, 'type'), enterprises: this.ticked(form),
        };
        break;
      case 'pairings':
        body = { expert: value(form, 'expert'), enterprise: value(form, 'enterprise'), validFrom: checkDate('validFrom'),
          validTo: checkDate('validTo') };
        break;
      case 'modelCases':
        body = { enterprise: value(form, 'enterprise'), manufacturingType: value(form, 'manufacturingType'),
          year: number(value(form, 'year')), citation: value(form, 'citation') };
        break;
      case 'projects':
        body = { titleZh: value(form, 'titleZh'), titleEn: value(form, 'titleEn'), enterprises: this.ticked(form),
          experts: (value(form, 'experts') || '').split(/[,，\s]+/).filter((x) => x),
          milestones: this.milestones.map((m, i) => {
            ['due', 'doneOn'].forEach((k) => { if (!validDate(m[k] || null)) dates[`milestones[${i}].${k}`] = t('common.badDate'); });
            return { title: m.title || null, due: m.due || null, doneOn: m.doneOn || null };
          }),
          outcome: value(form, 'outcome') };
        break;
      default:
        body = { level: value(form, 'level'), topic: value(form, 'topic'), date: checkDate('date'),
          hours: value(form, 'hours'), trainer: value(form, 'trainer'),
          attendance: this.attendance.map((a) => ({ enterprise: a.enterprise || null,
            attendees: a.attendees === '' || a.attendees === null ? null : Number(a.attendees),
            personHours: a.personHours === '' ? null : a.personHours })) };
    }
    if (Object.keys(dates).length) {
      this.errors = dates;
      return null;
    }
    return { ...body, version };
  }

  async save(event) {
    event.preventDefault();
    const body = this.body(event.target);
    if (!body) return;
    const editing = this.chosen;
    await this.send(editing ? `${PATHS[this.kind]}/${editing.id}` : PATHS[this.kind],
      { method: editing ? 'PUT' : 'POST', body }, editing ? 'records.updated' : 'records.created');
  }

  /** Sends a change; the record the server answers with is chosen again from the list read anew, or the refusal shown. */
  async send(path, options, noticeKey) {
    try {
      const saved = await api(path, options);
      this.errors = null;
      this.refusal = null;
      this.notice = { key: noticeKey, id: saved.id };
      await this.load();
      this.choose((this.rows || []).find((r) => r.id === saved.id) || null);
    } catch (e) {
      this.errors = problemFields(e);
      this.refusal = e;
      this.notice = null;
    }
  }

  /** The enterprises ticked in the form's list. */
  ticked(form) {
    return [...form.querySelectorAll('input[name=enterprise]:checked')].map((c) => c.value);
  }

  /** Moves the chosen research project to another status, with the outcome as typed in the form. */
  async changeStatus(status) {
    const chosen = this.chosen;
    const form = this.renderRoot.querySelector('#record-form');
    await this.send(`${PATHS.projects}/${chosen.id}/status`, { method: 'POST',
      body: { status, outcome: value(form, 'outcome'), version: chosen.version } }, 'records.updated');
  }

  async remove() {
    const chosen = this.chosen;
    try {
      await api(`${PATHS[this.kind]}/${chosen.id}`, { method: 'DELETE' });
      this.notice = { key: 'records.deleted', id: chosen.id };
      this.choose(null);
      await this.load();
    } catch (e) {
      this.refusal = e;
    }
  }

  enterpriseName(code) {
    const e = this.enterprises.find((x) => x.code === code);
    return e ? e.name : '';
  }

  enterpriseSelect(name, chosen) {
    return html`<select name=${name} id=${`record-${name}`}>
      <option value="">–</option>
      ${this.enterprises.map((e) => html`<option data-v value=${e.code} ?selected=${e.code === chosen}>${e.code} · ${e.name}</option>`)}
    </select>`;
  }

  enumSelect(name, prefix, values, chosen) {
    return html`<select name=${name} id=${`record-${name}`}>
      ${values.map((v) => html`<option value=${v} ?selected=${v === chosen}>${tEnum(prefix, v)}</option>`)}</select>`;
  }

  /** The errors of every field whose name starts with this prefix (a list's elements: enterprises[3]). */
  listErrors(prefix) {
    return Object.keys(this.errors || {}).filter((f) => f === prefix || f.startsWith(`${prefix}[`))
      .map((f) => fieldError(this.errors, f, 'record'));
  }

  field(label, name, input) {
    return html`<label>${label} ${input} ${fieldError(this.errors, name, 'record')}</label>`;
  }

  table() {
    const rows = this.rows;
    if (!rows) return html`<p>${t('common.loading')}</p>`;
    if (!rows.length) return html`<p id="records-none">${t('common.none')}</p>`;
    const row = (r, cells) => html`<tr data-id=${r.id} class=${this.chosen && this.chosen.id === r.id ? 'selected' : ''}
      @click=${() => this.choose(r)}>${cells}</tr>`;
    switch (this.kind) {
      case 'cohorts':
        return html`<table id="records-table"><thead><tr><th>${t('records.year')}</th><th>${t('records.nameZh')}</th>
          <th>${t('records.nameEn')}</th><th>${t('records.cohortType')}</th><th>${t('records.enterprises')}</th></tr></thead>
          <tbody>${rows.map((r) => row(r, html`<td data-v>${r.year}</td><td data-v>${r.nameZh}</td><td data-v>${r.nameEn}</td>
            <td>${tEnum('cohortType', r.type)}</td><td class="num" data-v title=${r.enterprises.join(', ')}>${r.enterprises.length}</td>`))}</tbody></table>`;
      case 'pairings':
        return html`<table id="records-table"><thead><tr><th>${t('records.expert')}</th><th>${t('enterprises.code')}</th>
          <th>${t('enterprises.name')}</th><th>${t('records.validFrom')}</th><th>${t('records.validTo')}</th><th>${t('records.current')}</th></tr></thead>
          <tbody>${rows.map((r) => row(r, html`<td data-v>${r.expert}</td><td data-v>${r.enterprise}</td>
            <td data-v>${this.enterpriseName(r.enterprise)}</td><td data-v>${date(r.validFrom)}</td>
            <td data-v>${r.validTo ? date(r.validTo) : ''}</td><td>${r.current ? t('common.yes') : t('common.no')}</td>`))}</tbody></table>`;
      case 'modelCases':
        return html`<table id="records-table"><thead><tr><th>${t('enterprises.code')}</th><th>${t('enterprises.name')}</th>
          <th>${t('enterprises.type')}</th><th>${t('records.year')}</th><th>${t('records.citation')}</th></tr></thead>
          <tbody>${rows.map((r) => row(r, html`<td data-v>${r.enterprise}</td><td data-v>${this.enterpriseName(r.enterprise)}</td>
            <td>${tEnum('mfgType', r.manufacturingType)}</td><td data-v>${r.year}</td><td data-v class="name">${r.citation}</td>`))}</tbody></table>`;
      case 'projects':
        return html`<table id="records-table"><thead><tr><th>${t('records.titleZh')}</th><th>${t('records.titleEn')}</th>
          <th>${t('records.status')}</th><th>${t('records.enterprises')}</th><th>${t('records.experts')}</th>
          <th>${t('records.milestonesDone')}</th></tr></thead>
          <tbody>${rows.map((r) => row(r, html`<td data-v>${r.titleZh}</td><td data-v>${r.titleEn}</td>
            <td>${tEnum('expert.projectStatus', r.status)}</td>
            <td class="num" data-v title=${r.enterprises.join(', ')}>${r.enterprises.length}</td>
            <td data-v>${r.experts.join(', ')}</td>
            <td class="num" data-v>${r.milestones.filter((m) => m.doneOn).length} / ${r.milestones.length}</td>`))}</tbody></table>`;
      default:
        return html`<table id="records-table"><thead><tr><th>${t('records.date')}</th><th>${t('records.level')}</th>
          <th>${t('records.topic')}</th><th>${t('records.trainer')}</th><th>${t('records.hours')}</th>
          <th>${t('records.attendees')}</th><th>${t('records.personHours')}</th></tr></thead>
          <tbody>${rows.map((r) => row(r, html`<td data-v>${date(r.date)}</td><td>${tEnum('trainingLevel', r.level)}</td>
            <td data-v>${r.topic}</td><td data-v>${r.trainer}</td><td class="num" data-v>${quantity(r.hours)}</td>
            <td class="num" data-v>${r.attendance.reduce((s, a) => s + a.attendees, 0)}</td>
            <td class="num" data-v>${quantity(r.attendance.reduce((s, a) => s + Number(a.personHours), 0))}</td>`))}</tbody></table>`;
    }
  }

  fields() {
    const c = this.chosen || {};
    switch (this.kind) {
      case 'cohorts':
        return html`${this.field(t('records.year'), 'year', html`<input name="year" id="record-year" size="5" inputmode="numeric" .value=${c.year ? String(c.year) : ''}>`)}
          ${this.field(t('records.nameZh'), 'nameZh', html`<input name="nameZh" id="record-nameZh" .value=${c.nameZh || ''}>`)}
          ${this.field(t('records.nameEn'), 'nameEn', html`<input name="nameEn" id="record-nameEn" .value=${c.nameEn || ''}>`)}
          ${this.field(t('records.cohortType'), 'type', this.enumSelect('type', 'cohortType', COHORT_TYPES, c.type))}
          ${this.enterpriseChecks(c.enterprises)}`;
      case 'projects':
        return html`${this.field(t('records.titleZh'), 'titleZh', html`<input name="titleZh" id="record-titleZh" size="40" .value=${c.titleZh || ''}>`)}
          ${this.field(t('records.titleEn'), 'titleEn', html`<input name="titleEn" id="record-titleEn" size="40" .value=${c.titleEn || ''}>`)}
          ${this.enterpriseChecks(c.enterprises)}
          <label>${t('records.expertsTyped')} <input name="experts" id="record-experts" size="40" .value=${(c.experts || []).join(', ')}>
            ${this.listErrors('experts')}</label>
          ${this.milestoneTable()}
          ${this.field(t('records.outcome'), 'outcome', html`<textarea name="outcome" id="record-outcome" rows="3" cols="60" .value=${c.outcome || ''}></textarea>`)}`;
      case 'pairings':
        return html`${this.field(t('records.expert'), 'expert', html`<input name="expert" id="record-expert" .value=${c.expert || ''}>`)}
          ${this.field(t('records.enterprise'), 'enterprise', this.enterpriseSelect('enterprise', c.enterprise))}
          ${this.field(t('records.validFrom'), 'validFrom', dateInput('validFrom', c.validFrom))}
          ${this.field(t('records.validTo'), 'validTo', dateInput('validTo', c.validTo))}`;
      case 'modelCases':
        return html`${this.field(t('records.enterprise'), 'enterprise', this.enterpriseSelect('enterprise', c.enterprise))}
          ${this.field(t('enterprises.type'), 'manufacturingType', this.enumSelect('manufacturingType', 'mfgType', MFG_TYPES, c.manufacturingType))}
          ${this.field(t('records.year'), 'year', html`<input name="year" id="record-year" size="5" inputmode="numeric" .value=${c.year ? String(c.year) : ''}>`)}
          ${this.field(t('records.citation'), 'citation', html`<textarea name="citation" id="record-citation" rows="3" cols="60" .value=${c.citation || ''}></textarea>`)}`;
      default:
        return html`${this.field(t('records.level'), 'level', this.enumSelect('level', 'trainingLevel', LEVELS, c.level))}
          ${this.field(t('records.topic'), 'topic', html`<input name="topic" id="record-topic" size="30" .value=${c.topic || ''}>`)}
          ${this.field(t('records.date'), 'date', dateInput('date', c.date))}
          ${this.field(t('records.hours'), 'hours', html`<input name="hours" id="record-hours" size="6" inputmode="decimal" .value=${c.hours !== undefined ? String(c.hours) : ''}>`)}
          ${this.field(t('records.trainer'), 'trainer', html`<input name="trainer" id="record-trainer" .value=${c.trainer || ''}>`)}
          ${this.attendanceTable()}`;
    }
  }

  enterpriseChecks(chosen) {
    const selected = new Set(chosen || []);
    return html`<fieldset id="record-enterprises"><legend>${t('records.enterprises')}</legend>${this.listErrors('enterprises')}
      ${this.enterprises.map((e) => html`<label class="check"><input type="checkbox" name="enterprise" value=${e.code}
        .checked=${selected.has(e.code)}> <span data-v>${e.code} · ${e.name}</span></label>`)}</fieldset>`;
  }

  /** The rows a form edits as a list (attendance, milestones): one field of row i set, a row added, a row removed. */
  setRow(list, i, key, v) {
    this[list] = this[list].map((r, j) => (j === i ? { ...r, [key]: v } : r));
  }

  addRow(list, row) {
    this[list] = [...this[list], row];
  }

  removeRow(list, i) {
    this[list] = this[list].filter((_, j) => j !== i);
  }

  milestoneTable() {
    const set = (i, key, v) => this.setRow('milestones', i, key, v);
    const err = (i, key) => fieldError(this.errors, `milestones[${i}].${key}`, 'record');
    return html`<fieldset id="record-milestones"><legend>${t('records.milestones')}</legend>
      ${Object.keys(this.errors || {}).filter((f) => f === 'milestones').map((f) => fieldError(this.errors, f, 'record'))}
      <table><thead><tr><th>${t('records.milestone')}</th><th>${t('records.due')}</th><th>${t('records.doneOn')}</th><th></th></tr></thead>
      <tbody>${this.milestones.map((m, i) => html`<tr data-row=${i}>
        <td><input class="ms-title" size="30" .value=${m.title || ''} @input=${(e) => set(i, 'title', e.target.value.trim())}>${err(i, 'title')}</td>
        <td><input class="ms-due date-input" size="10" placeholder=${t('common.dateFormat')} .value=${m.due || ''}
          @input=${(e) => set(i, 'due', e.target.value.trim())}>${err(i, 'due')}</td>
        <td><input class="ms-done date-input" size="10" placeholder=${t('common.dateFormat')} .value=${m.doneOn || ''}
          @input=${(e) => set(i, 'doneOn', e.target.value.trim())}>${err(i, 'doneOn')}</td>
        <td><button type="button" class="ms-remove" @click=${() => this.removeRow('milestones', i)}>${t('records.removeRow')}</button></td>
      </tr>`)}</tbody></table>
      <button type="button" id="milestone-add" @click=${() => this.addRow('milestones', { title: '', due: '', doneOn: '' })}>${t('records.addMilestone')}</button>
    </fieldset>`;
  }

  attendanceTable() {
    const set = (i, key, v) => this.setRow('attendance', i, key, v);
    return html`<fieldset id="record-attendance"><legend>${t('records.attendance')}</legend>${this.listErrors('attendance')}
      <table><thead><tr><th>${t('records.enterprise')}</th><th>${t('records.attendees')}</th><th>${t('records.personHours')}</th><th></th></tr></thead>
      <tbody>${this.attendance.map((a, i) => html`<tr data-row=${i}>
        <td><select class="att-enterprise" @change=${(e) => set(i, 'enterprise', e.target.value)}><option value="">–</option>
          ${this.enterprises.map((e) => html`<option data-v value=${e.code} ?selected=${e.code === a.enterprise}>${e.code} · ${e.name}</option>`)}</select></td>
        <td><input class="att-attendees" size="5" inputmode="numeric" .value=${a.attendees === null || a.attendees === undefined ? '' : String(a.attendees)}
          @input=${(e) => set(i, 'attendees', e.target.value.trim())}></td>
        <td><input class="att-hours" size="7" inputmode="decimal" .value=${a.personHours || ''}
          @input=${(e) => set(i, 'personHours', e.target.value.trim())}></td>
        <td><button type="button" class="att-remove" @click=${() => this.removeRow('attendance', i)}>${t('records.removeRow')}</button></td>
      </tr>`)}</tbody></table>
      <button type="button" id="attendance-add" @click=${() => this.addRow('attendance', { enterprise: '', attendees: '', personHours: '' })}>${t('records.addRow')}</button>
    </fieldset>`;
  }

  render() {
    const tab = (kind) => html`<button id=${`records-${kind}`} class=${this.kind === kind ? 'tab active' : 'tab'}
      aria-pressed=${this.kind === kind} @click=${() => this.show(kind)}>${t(`records.kind.${kind}`)}</button>`;
    const n = this.notice;
    return html`<div class="tabs">${KINDS.map(tab)}</div>
      ${this.loading ? html`<span class="muted">${t('common.loading')}</span>` : ''}
      <div class="pane">${this.table()}</div>
      <h3 id="record-title">${this.chosen ? t(`records.edit.${this.kind}`) : t(`records.new.${this.kind}`)}</h3>
      ${n ? html`<p class="note" id="record-notice" data-id=${n.id}>${t(n.key)}</p>` : ''}
      ${refusalLine(this.refusal, 'record-refusal')}
      ${keyed(`${this.kind}/${this.generation}`, html`<form id="record-form" class="record-form" @submit=${this.save}>
        ${this.fields()}
        <div class="actions">
          <button type="submit" id="record-save">${t('admin.save')}</button>
          ${this.chosen ? html`<button type="button" id="record-new" @click=${() => this.choose(null)}>${t(`records.new.${this.kind}`)}</button>` : ''}
          ${this.chosen && this.kind === 'modelCases' ? html`<button type="button" id="record-delete" @click=${() => this.remove()}>${t('records.delete')}</button>` : ''}
          ${this.chosen && this.kind === 'projects' ? NEXT_STATUS[this.chosen.status].map((s) => html`<button type="button"
            id=${`record-status-${s}`} @click=${() => this.changeStatus(s)}>${t(`records.moveTo.${s}`)}</button>`) : ''}
        </div>
      </form>`)}
      <p class="muted">${t('records.hint')}</p>`;
  }
}
customElements.define('pl-bureau-records', PlBureauRecords);

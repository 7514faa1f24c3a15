// Working calendars at /#/calendars: a calendar's shifts (weekday, name, start and end in the plant's time, breaks)
// and holidays; admin and planner change them, add and remove rows, and create a calendar.
import { html } from 'lit';
import { Screen } from './base.js';
import { t } from './i18n.js';
import { api } from './api.js';
import { date } from './format.js';
import { problemFields, refusalLine, fieldError } from './admin-form.js';

const EDITORS = ['admin', 'planner'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const hhmm = (time) => (time ? String(time).slice(0, 5) : '');

/** Breaks as typed: "12:00-12:30, 18:00-18:20". */
function breaksText(breaks) {
  return (breaks || []).map((b) => `${hhmm(b.start)}-${hhmm(b.end)}`).join(', ');
}

function breaksOf(text) {
  return String(text || '').split(/[,，;；]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const [start, end] = s.split(/\s*[-–~]\s*/);
    return { start: start || null, end: end || null };
  });
}

class PlCalendars extends Screen {
  static properties = {
    me: { attribute: false }, list: { state: true }, calendar: { state: true }, shifts: { state: true },
    holidays: { state: true }, errors: { state: true }, failure: { state: true }, saved: { state: true },
    error: { state: true }, newErrors: { state: true }, newFailure: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.newErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  mayEdit() {
    return EDITORS.some((r) => this.me.roles.includes(r));
  }

  async load(chooseId) {
    try {
      const page = await api('/api/calendars', { query: { size: 1000, sort: 'code' } });
      this.list = page.items;
      const chosen = page.items.find((c) => c.id === (chooseId ?? (this.calendar && this.calendar.id)));
      if (chosen) this.choose(chosen);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  choose(c) {
    this.calendar = c;
    this.shifts = c.shifts.map((s) => ({ weekday: String(s.weekday), name: s.name, start: hhmm(s.start), end: hhmm(s.end), breaks: breaksText(s.breaks) }));
    this.holidays = c.holidays.map((h) => ({ day: h.day, name: h.name }));
    this.errors = {};
    this.failure = null;
  }

  editShift(i, field, v) {
    this.shifts = this.shifts.map((s, j) => (j === i ? { ...s, [field]: v } : s));
  }

  editHoliday(i, field, v) {
    this.holidays = this.holidays.map((h, j) => (j === i ? { ...h, [field]: v } : h));
  }

  addShift() {
    const last = this.shifts[this.shifts.length - 1];
    const weekday = last ? String((Number(last.weekday) % 7) + 1) : '1';
    this.shifts = [...this.shifts, last ? { ...last, weekday } : { weekday, name: '', start: '08:00', end: '17:00', breaks: '' }];
  }

  async save() {
    const c = this.calendar;
    const body = {
      code: c.code, name: c.name, timeZone: c.timeZone, version: c.version,
      shifts: this.shifts.map((s) => ({
        weekday: s.weekday === '' ? null : s.weekday, name: s.name, start: s.start.trim() || null, end: s.end.trim() || null,
        breaks: breaksOf(s.breaks),
      })),
      holidays: this.holidays.map((h) => ({ day: String(h.day || '').trim() || null, name: h.name })),
    };
    try {
      const saved = await api(`/api/calendars/${c.id}`, { method: 'PUT', body });
      await this.load(saved.id);
      this.saved = saved.code;
    } catch (e) {
      this.errors = problemFields(e);
      this.failure = e;
      this.saved = null;
    }
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const body = { code: form.elements.code.value.trim(), name: form.elements.name.value.trim(), shifts: [], holidays: [] };
    try {
      const created = await api('/api/calendars', { method: 'POST', body });
      this.newErrors = {};
      this.newFailure = null;
      form.reset();
      await this.load(created.id);
      this.saved = created.code;
    } catch (e) {
      this.newErrors = problemFields(e);
      this.newFailure = e;
    }
  }

  shiftRows(editable) {
    const e = this.errors;
    if (!this.shifts.length) return html`<p id="no-shifts">${t('calendar.noShifts')}</p>`;
    return html`<table id="shifts-table"><thead><tr><th>${t('calendar.weekday')}</th><th>${t('calendar.shiftName')}</th>
      <th>${t('calendar.start')}</th><th>${t('calendar.end')}</th><th>${t('calendar.breaks')}</th><th></th></tr></thead>
      <tbody>${this.shifts.map((s, i) => html`<tr data-index=${i} data-weekday=${s.weekday}>
        <td>${editable ? html`<select class="shift-weekday" @change=${(ev) => this.editShift(i, 'weekday', ev.target.value)}>
          ${WEEKDAYS.map((d) => html`<option value=${d} ?selected=${String(d) === s.weekday}>${t(`calendar.day.${d}`)}</option>`)}</select>`
    : t(`calendar.day.${s.weekday}`)}${fieldError(e, `shifts[${i}].weekday`, 'shift')}</td>
        <td>${editable ? html`<input class="shift-name" size="10" .value=${s.name} @input=${(ev) => this.editShift(i, 'name', ev.target.value)}>` : html`<span data-v>${s.name}</span>`}${fieldError(e, `shifts[${i}].name`, 'shift')}</td>
        <td>${editable ? html`<input class="shift-start" size="5" .value=${s.start} @input=${(ev) => this.editShift(i, 'start', ev.target.value)}>` : html`<span data-v>${s.start}</span>`}${fieldError(e, `shifts[${i}].start`, 'shift')}</td>
        <td>${editable ? html`<input class="shift-end" size="5" .value=${s.end} @input=${(ev) => this.editShift(i, 'end', ev.target.value)}>` : html`<span data-v>${s.end}</span>`}${fieldError(e, `shifts[${i}].end`, 'shift')}</td>
        <td>${editable ? html`<input class="shift-breaks" size="22" .value=${s.breaks} @input=${(ev) => this.editShift(i, 'breaks', ev.target.value)}>` : html`<span data-v>${s.breaks}</span>`}
          ${Object.keys(e).filter((f) => f.startsWith(`shifts[${i}].breaks`)).map((f) => fieldError(e, f, 'shift'))}</td>
        <td>${editable ? html`<button class="remove-shift" @click=${() => { this.shifts = this.shifts.filter((_, j) => j !== i); }}>${t('calendar.remove')}</button>` : ''}
          ${fieldError(e, `shifts[${i}]`, 'shift')}</td></tr>`)}</tbody></table>`;
  }

  holidayRows(editable) {
    const e = this.errors;
    if (!this.holidays.length) return html`<p id="no-holidays">${t('calendar.noHolidays')}</p>`;
    return html`<table id="holidays-table"><thead><tr><th>${t('calendar.day')}</th><th>${t('calendar.holidayName')}</th><th></th></tr></thead>
      <tbody>${this.holidays.map((h, i) => html`<tr data-index=${i} data-day=${h.day}>
        <td>${editable ? html`<input class="holiday-day date-input" size="10" placeholder=${t('common.dateFormat')} .value=${h.day ?? ''}
          @input=${(ev) => this.editHoliday(i, 'day', ev.target.value)}>` : html`<span data-v>${date(h.day)}</span>`}${fieldError(e, `holidays[${i}].day`, 'holiday')}</td>
        <td>${editable ? html`<input class="holiday-name" size="16" .value=${h.name} @input=${(ev) => this.editHoliday(i, 'name', ev.target.value)}>` : html`<span data-v>${h.name}</span>`}${fieldError(e, `holidays[${i}].name`, 'holiday')}</td>
        <td>${editable ? html`<button class="remove-holiday" @click=${() => { this.holidays = this.holidays.filter((_, j) => j !== i); }}>${t('calendar.remove')}</button>` : ''}
          ${fieldError(e, `holidays[${i}]`, 'holiday')}</td></tr>`)}</tbody></table>`;
  }

  detail() {
    const c = this.calendar;
    if (!c) return html`<p class="hint">${t('calendar.pick')}</p>`;
    const editable = this.mayEdit();
    return html`<h3>${t('calendar.of')} <span data-v>${c.code} ${c.name} (${c.timeZone})</span></h3>
      ${this.saved ? html`<p class="notice" id="calendar-saved">${t('calendar.saved')} <span data-v>${this.saved}</span></p>` : ''}
      ${refusalLine(this.failure, 'calendar-refusal')}
      <h4>${t('calendar.shifts')}</h4>${editable ? html`<p class="hint">${t('calendar.timesHint')}</p>` : ''}
      ${this.shiftRows(editable)}
      ${editable ? html`<button id="add-shift" @click=${this.addShift}>${t('calendar.addShift')}</button>` : ''}
      <h4>${t('calendar.holidays')}</h4>${this.holidayRows(editable)}
      ${editable ? html`<div class="actions"><button id="add-holiday" @click=${() => { this.holidays = [...this.holidays, { day: '', name: '' }]; }}>${t('calendar.addHoliday')}</button>
        <button id="save-calendar" @click=${this.save}>${t('calendar.save')}</button></div>` : ''}`;
  }

  render() {
    const list = this.list;
    return html`<h2>${t('calendar.title')}</h2>${refusalLine(this.error, 'calendars-error')}
      <div class="split"><div class="pane">
        ${!list ? html`<p>${t('common.loading')}</p>` : !list.length ? html`<p>${t('common.none')}</p>` : html`
          <table id="calendars-table"><thead><tr><th>${t('calendar.code')}</th><th>${t('calendar.name')}</th><th>${t('calendar.shifts')}</th><th>${t('calendar.holidays')}</th></tr></thead>
            <tbody>${list.map((c) => html`<tr data-code=${c.code} class=${this.calendar && this.calendar.id === c.id ? 'selected' : ''}
              @click=${() => { this.saved = null; this.choose(c); }}><td data-v>${c.code}</td><td data-v>${c.name}</td>
              <td class="num" data-v>${c.shifts.length}</td><td class="num" data-v>${c.holidays.length}</td></tr>`)}</tbody></table>`}
        ${this.mayEdit() ? html`<form id="calendar-form" class="panel" @submit=${this.create} novalidate>
          <h3>${t('calendar.new')}</h3>${refusalLine(this.newFailure, 'calendar-form-refusal')}
          <div class="field"><label>${t('calendar.code')} <input name="code" id="calendar-code" size="12"></label>${fieldError(this.newErrors, 'code', 'calendar')}</div>
          <div class="field"><label>${t('calendar.name')} <input name="name" id="calendar-name" size="20"></label>${fieldError(this.newErrors, 'name', 'calendar')}</div>
          <button id="create-calendar" type="submit">${t('calendar.create')}</button></form>` : ''}
      </div><div class="pane">${this.detail()}</div></div>`;
  }
}
customElements.define('pl-calendars', PlCalendars);

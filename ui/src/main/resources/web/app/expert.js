// The expert's pages: the enterprises the bureau pairs them with (act for one), the visit log of the enterprise acted
// for (write a visit, mark follow-ups done) and the research projects they work on (mark milestones done).
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData, tEnum, language } from './i18n.js';
import { api, ApiError } from './api.js';
import { date, dateTime, plantToday } from './format.js';
import { dateInput, validDate } from './inputs.js';
import { newClientId } from './terminal-queue.js';

const FOLLOW_UP_ROWS = 3;
// the programme's lists are pages ({items, page, size, total}); a page at a time, "more" appends the next
const PAGE_SIZE = 50;
const LISTS = { pairings: '/api/programme/pairings', projects: '/api/programme/projects', visits: '/api/programme/visits' };
const EMPTY_PAGE = { items: [], page: 0, size: PAGE_SIZE, total: 0 };

function firstPage(path) {
  return api(path, { query: { page: 0, size: PAGE_SIZE } });
}

class PlExpert extends Screen {
  static properties = {
    me: { attribute: false }, pairings: { state: true }, visits: { state: true }, projects: { state: true },
    errors: { state: true }, error: { state: true }, saved: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.errors = {};
    this.requestId = newClientId();
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      const [pairings, projects] = await Promise.all([firstPage(LISTS.pairings), firstPage(LISTS.projects)]);
      this.pairings = pairings;
      this.projects = projects;
      this.visits = this.me.enterprise ? await firstPage(LISTS.visits) : EMPTY_PAGE;
    } catch (e) {
      this.error = e.message;
    }
  }

  /** Appends the next page of a list (pairings, projects or visits) to what is shown. */
  async more(list) {
    const shown = this[list];
    try {
      const next = await api(LISTS[list], { query: { page: shown.page + 1, size: shown.size } });
      this[list] = { ...next, items: [...shown.items, ...next.items] };
    } catch (e) {
      this.error = e.message;
    }
  }

  /** "n of total" under a list, and a button for the next page while there is one. */
  pageFooter(list) {
    const p = this[list];
    const more = p.items.length < p.total;
    return html`<p class="page-footer" id=${`${list}-footer`}><span class="shown" data-v>${t('expert.shownOfTotal', p.items.length, p.total)}</span>
      ${more ? html` <button class="more" id=${`${list}-more`} @click=${() => this.more(list)}>${t('expert.more')}</button>` : ''}</p>`;
  }

  actFor(code) {
    this.dispatchEvent(new CustomEvent('choose-enterprise', { detail: code, bubbles: true, composed: true }));
  }

  async logVisit(event) {
    event.preventDefault();
    const el = event.target.elements;
    const errors = {};
    const visitDate = el.visitDate.value.trim();
    if (!visitDate || !validDate(visitDate)) errors.visitDate = t('common.badDate');
    const followUps = [];
    for (let i = 0; i < FOLLOW_UP_ROWS; i++) {
      const action = el[`action-${i}`].value.trim();
      const due = el[`due-${i}`].value.trim();
      if (!validDate(due)) errors[`followUps[${i}].due`] = t('common.badDate');
      if (action) followUps.push({ action, due: due || null, done: false });
    }
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      // the same requestId until the server has answered, so that a visit sent twice is logged once
      const visit = await api('/api/programme/visits', { method: 'POST', body: {
        requestId: this.requestId, visitDate, topics: el.topics.value, findings: el.findings.value, followUps,
      } });
      this.requestId = newClientId();
      event.target.reset();
      event.target.elements.visitDate.value = plantToday();
      this.saved = visit;
      this.error = null;
      this.visits = await firstPage(LISTS.visits);
    } catch (e) {
      this.showProblem(e);
    } finally {
      this.busy = false;
    }
  }

  showProblem(e) {
    const errors = {};
    if (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) && e.problem.errors.length) {
      e.problem.errors.forEach((f) => { errors[f.field] = f.message; });
      this.error = t('expert.invalid');
    } else {
      this.error = e.message;
    }
    this.errors = errors;
  }

  async toggleFollowUp(visit, index) {
    const followUps = visit.followUps.map((f, i) => ({ action: f.action, due: f.due, done: i === index ? !f.done : f.done }));
    try {
      await api(`/api/programme/visits/${visit.id}/follow-ups`, { method: 'PUT', body: { followUps, version: visit.version } });
      this.visits = await firstPage(LISTS.visits);
      this.error = null;
    } catch (e) {
      this.showProblem(e);
    }
  }

  async milestone(project, index, done) {
    try {
      await api(`/api/programme/projects/${project.id}/milestones/${index}`, {
        method: 'PUT', body: { doneOn: done ? plantToday() : null, version: project.version },
      });
      this.projects = await firstPage(LISTS.projects);
      this.error = null;
    } catch (e) {
      this.showProblem(e);
    }
  }

  fieldError(name) {
    const m = this.errors[name];
    if (!m) return '';
    const id = `error-${name.replace(/[[\].]/g, '-')}`;
    if (m === 'must not be blank' || m === 'must not be null') return html`<span class="error field-error" id=${id}>${t('tasks.err.required')}</span>`;
    return html`<span class="error field-error" id=${id}>${tData('tasks.err.other', m)}</span>`;
  }

  enterprises() {
    const p = this.pairings;
    if (!p) return html`<p>${t('common.loading')}</p>`;
    if (!p.items.length) return html`<p id="no-pairings">${t('expert.noPairings')}</p>`;
    return html`<table id="pairings-table"><thead><tr><th>${t('expert.enterprise')}</th><th>${t('expert.from')}</th>
      <th>${t('expert.to')}</th><th>${t('expert.current')}</th><th></th></tr></thead>
      <tbody>${p.items.map((x) => html`<tr data-code=${x.enterprise} class=${x.enterprise === this.me.enterprise ? 'selected' : ''}>
        <td data-v>${x.enterprise}</td><td data-v>${date(x.validFrom)}</td><td data-v>${x.validTo ? date(x.validTo) : '–'}</td>
        <td>${x.current ? t('common.yes') : t('common.no')}</td>
        <td>${x.enterprise === this.me.enterprise ? t('expert.actingFor')
          : x.current ? html`<button class="act-for" @click=${() => this.actFor(x.enterprise)}>${t('expert.actFor')}</button>` : ''}</td>
      </tr>`)}</tbody></table>${this.pageFooter('pairings')}`;
  }

  visitLog() {
    if (!this.me.enterprise) return html`<p>${t('home.noEnterprise')}</p>`;
    const v = this.visits;
    return html`<form id="visit-form" class="panel" @submit=${this.logVisit}>
        <h4>${t('expert.newVisit')}</h4>
        <div class="field"><label>${t('expert.visitDate')} ${dateInput('visitDate', plantToday(), { required: true })}</label>${this.fieldError('visitDate')}</div>
        <div class="field"><label>${t('expert.topics')} <input name="topics" id="visit-topics" size="60"></label>${this.fieldError('topics')}</div>
        <div class="field"><label>${t('expert.findings')} <textarea name="findings" id="visit-findings" rows="4" cols="60"></textarea></label>${this.fieldError('findings')}</div>
        <p>${t('expert.followUps')}</p>
        ${[...Array(FOLLOW_UP_ROWS).keys()].map((i) => html`<div class="field">
          <label>${t('expert.action')} <input name=${`action-${i}`} id=${`action-${i}`} size="40"></label>
          <label>${t('expert.due')} ${dateInput(`due-${i}`, '')}</label>
          ${this.fieldError(`followUps[${i}].action`)}${this.fieldError(`followUps[${i}].due`)}</div>`)}
        <button type="submit" id="log-visit" ?disabled=${this.busy}>${t('expert.logVisit')}</button>
        ${this.saved ? html`<span id="visit-saved" class="notice">${t('expert.saved')}</span>` : ''}
      </form>
      ${!v ? html`<p>${t('common.loading')}</p>` : !v.items.length ? html`<p id="no-visits">${t('expert.noVisits')}</p>` : html`
      <table id="visits-table"><thead><tr><th>${t('expert.visitDate')}</th><th>${t('expert.expert')}</th>
        <th>${t('expert.topics')}</th><th>${t('expert.findings')}</th><th>${t('expert.followUps')}</th><th>${t('expert.logged')}</th></tr></thead>
        <tbody>${v.items.map((x) => html`<tr data-id=${x.id} data-request=${x.requestId}>
          <td data-v>${date(x.visitDate)}</td><td data-v>${x.expert}</td><td data-v>${x.topics}</td>
          <td data-v class="wrap">${x.findings}</td>
          <td><ul class="follow-ups">${x.followUps.map((f, i) => html`<li>
            <label><input type="checkbox" class="follow-up" data-index=${i} .checked=${f.done}
              ?disabled=${x.expert !== this.me.username} @change=${() => this.toggleFollowUp(x, i)}>
            <span data-v>${f.action}${f.due ? ` (${date(f.due)})` : ''}</span></label></li>`)}</ul></td>
          <td data-v>${dateTime(x.createdAt)}</td></tr>`)}</tbody></table>${this.pageFooter('visits')}`}`;
  }

  projectList() {
    const p = this.projects;
    if (!p) return html`<p>${t('common.loading')}</p>`;
    if (!p.items.length) return html`<p id="no-projects">${t('expert.noProjects')}</p>`;
    return html`${p.items.map((x) => html`<div class="panel project" data-id=${x.id}>
      <h4 data-v>${language() === 'en' ? x.titleEn : x.titleZh}</h4>
      <p>${t('expert.status')}: ${tEnum('expert.projectStatus', x.status)} · ${t('expert.enterprises')}: <span data-v>${x.enterprises.join(', ')}</span></p>
      <table class="milestones"><thead><tr><th>${t('expert.milestone')}</th><th>${t('expert.due')}</th><th>${t('expert.doneOn')}</th><th></th></tr></thead>
        <tbody>${x.milestones.map((m, i) => html`<tr data-index=${i}><td data-v>${m.title}</td><td data-v>${date(m.due)}</td>
          <td data-v>${m.doneOn ? date(m.doneOn) : '–'}</td>
          <td>${m.doneOn ? html`<button class="reopen" @click=${() => this.milestone(x, i, false)}>${t('expert.reopen')}</button>`
            : html`<button class="mark-done" @click=${() => this.milestone(x, i, true)}>${t('expert.markDone')}</button>`}</td></tr>`)}</tbody></table>
    </div>`)}${this.pageFooter('projects')}`;
  }

  render() {
    return html`<h2>${t('expert.title')}</h2>
      ${this.error ? html`<p class="error" id="expert-error">${t('common.error', this.error)}</p>` : ''}
      <h3>${t('expert.assigned')}</h3>
      ${this.enterprises()}
      <h3>${t('expert.visits')}${this.me.enterprise ? html` · <span data-v>${this.me.enterpriseName || this.me.enterprise}</span>` : ''}</h3>
      ${this.visitLog()}
      <h3>${t('expert.projects')}</h3>
      ${this.projectList()}`;
  }
}
customElements.define('pl-expert', PlExpert);

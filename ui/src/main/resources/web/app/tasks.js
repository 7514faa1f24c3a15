// The task inbox: my tasks and my groups' tasks, claim, delegate, complete with the form the task's BPMN describes,
// and the diagram of the task's process (the version it runs) with the current step highlighted and the completed
// ones marked, above the steps it went through with their times.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData, language, LANGUAGES } from './i18n.js';
import { api, ApiError } from './api.js';
import { dateTime, fromWall } from './format.js';
import { dateInput, validDate } from './inputs.js';
import './bpmn-diagram.js';

/** A name from the bundle when it has one (`prefix.key`), else the data's own name, marked as data. */
function named(prefix, key, fallback) {
  const k = `${prefix}.${key}`;
  return LANGUAGES[language()][k] !== undefined ? t(k) : html`<span data-v>${fallback ?? key}</span>`;
}

/** A form field's label: the BPMN gives "English / 中文"; the part of the UI's language. */
export function fieldLabel(field) {
  const parts = (field.label || field.id).split(' / ');
  if (parts.length < 2) return html`<span data-v>${field.label || field.id}</span>`;
  return language() === 'en' ? parts[0] : parts.slice(1).join(' / ');
}

/** A name the model gives ("English / 中文" in the suite's models): the part of the UI's language. */
function modelName(name) {
  const parts = (name || '').split(' / ');
  if (parts.length < 2) return name || '';
  return language() === 'en' ? parts[0] : parts.slice(1).join(' / ');
}

/**
 * The label of a diagram element: the bundle's words for the suite's own models (their elements are named in the
 * bundles, `tasks.step.<process>.<element id>`; flows by their name, `tasks.diagram.flow.<name>`), else the model's own
 * name, shown as data. An enterprise's own version may rename a step, so its names are the model's.
 */
export function diagramName(diagram) {
  const words = LANGUAGES[language()];
  return (el) => {
    const key = el.type.endsWith('Flow') ? `tasks.diagram.flow.${el.name}`
      : diagram.source === 'TEMPLATE' ? `tasks.step.${diagram.processDefinitionKey}.${el.id}` : null;
    if (key && el.name !== undefined && words[key] !== undefined) return { text: t(key), data: false };
    return { text: modelName(el.name), data: true };
  };
}

/** The server's message of a field, in the UI's language where it is a known one. */
function fieldMessage(message) {
  if (message === 'is required' || message === 'must not be blank') return t('tasks.err.required');
  if (message === 'must be a whole number') return t('tasks.err.number');
  return tData('tasks.err.other', message);
}

class PlTasks extends Screen {
  static properties = {
    me: { attribute: false }, scope: { state: true }, overdue: { state: true }, dueBefore: { state: true },
    list: { state: true }, selected: { state: true }, process: { state: true }, errors: { state: true },
    diagram: { state: true }, fitDiagram: { state: true },
    error: { state: true }, notice: { state: true }, busy: { state: true },
  };

  constructor() {
    super();
    this.scope = 'mine';
    this.overdue = false;
    this.dueBefore = '';
    this.errors = {};
    this.fitDiagram = true;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    try {
      this.list = null;
      let due;
      if (this.dueBefore) {
        const [y, m, d] = this.dueBefore.split('-').map(Number);
        due = new Date(fromWall(Date.UTC(y, m - 1, d + 1))).toISOString(); // the end of that plant day
      }
      this.list = await api('/api/tasks', { query: { scope: this.scope, overdue: this.overdue ? 'true' : '', dueBefore: due } });
      this.error = null;
    } catch (e) {
      this.error = e.message;
      this.list = [];
    }
  }

  show(scope) {
    this.scope = scope;
    this.selected = null;
    this.notice = null;
    this.load();
  }

  applyFilters(event) {
    event.preventDefault();
    const form = event.target;
    const due = form.elements.dueBefore.value.trim();
    if (!validDate(due)) {
      this.error = t('common.badDate');
      return;
    }
    this.dueBefore = due;
    this.overdue = form.elements.overdue.checked;
    this.load();
  }

  async open(task) {
    this.notice = null;
    this.errors = {};
    this.selected = task;
    this.process = null;
    this.diagram = null;
    try {
      this.selected = await api(`/api/tasks/${task.id}`);
      [this.process, this.diagram] = await Promise.all([api(`/api/processes/${task.processInstanceId}`),
        api(`/api/processes/${task.processInstanceId}/diagram`)]);
    } catch (e) {
      this.error = e.message;
    }
  }

  async act(path, body) {
    this.busy = true;
    try {
      this.selected = await api(`/api/tasks/${this.selected.id}/${path}`, { method: 'POST', body });
      this.errors = {};
      this.error = null;
      await this.load();
    } catch (e) {
      this.showProblem(e);
    } finally {
      this.busy = false;
    }
  }

  showProblem(e) {
    const errors = {};
    if (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors) && e.problem.errors.length) {
      e.problem.errors.forEach((f) => { errors[f.field.replace(/^variables\./, '')] = f.message; });
      this.error = t('tasks.invalid');
    } else {
      this.error = e.message;
    }
    this.errors = errors;
  }

  delegate(event) {
    event.preventDefault();
    this.act('delegate', { to: event.target.elements.to.value.trim() });
  }

  async complete(event) {
    event.preventDefault();
    const elements = event.target.elements;
    const variables = {};
    for (const field of this.selected.form) {
      const raw = elements[`field-${field.id}`].value.trim();
      if (raw === '') continue;
      if (field.type === 'boolean') variables[field.id] = raw === 'true';
      else if (field.type === 'long') variables[field.id] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
      else variables[field.id] = raw;
    }
    this.busy = true;
    try {
      await api(`/api/tasks/${this.selected.id}/complete`, { method: 'POST', body: { variables } });
      const done = this.selected;
      this.selected = null;
      this.process = null;
      this.diagram = null;
      this.errors = {};
      this.error = null;
      this.notice = done;
      await this.load();
    } catch (e) {
      this.showProblem(e);
    } finally {
      this.busy = false;
    }
  }

  fieldInput(field) {
    const name = `field-${field.id}`;
    if (field.type === 'boolean') {
      return html`<select name=${name} id=${name}><option value="">${t('tasks.choose')}</option>
        <option value="true">${t('common.yes')}</option><option value="false">${t('common.no')}</option></select>`;
    }
    if (field.type === 'enum') {
      return html`<select name=${name} id=${name}><option value="">${t('tasks.choose')}</option>
        ${field.values.map((v) => html`<option value=${v}>${named('tasks.value', v)}</option>`)}</select>`;
    }
    if (field.type === 'long') return html`<input name=${name} id=${name} inputmode="numeric" size="12">`;
    return html`<input name=${name} id=${name} size="40">`;
  }

  formView(task) {
    const mayComplete = !task.assignee || task.assignee === this.me.username;
    return html`<form id="task-form" @submit=${this.complete}>
      ${task.form.length ? '' : html`<p>${t('tasks.noForm')}</p>`}
      ${task.form.map((f) => html`<div class="field" data-field=${f.id}>
        <label for=${`field-${f.id}`}>${fieldLabel(f)}${f.required ? html`<span class="required" title=${t('tasks.required')}> *</span>` : ''}</label>
        ${this.fieldInput(f)}
        ${this.errors[f.id] ? html`<span class="error field-error" id=${`error-${f.id}`}>${fieldMessage(this.errors[f.id])}</span>` : ''}
      </div>`)}
      <button type="submit" id="complete" ?disabled=${this.busy || !mayComplete}>
        ${task.delegationState === 'PENDING' ? t('tasks.resolve') : t('tasks.complete')}</button>
    </form>`;
  }

  diagramView() {
    const d = this.diagram;
    if (!d) return html`<p>${t('common.loading')}</p>`;
    return html`<div class="diagram-bar">
        <span>${tData(d.source === 'ENTERPRISE' ? 'tasks.diagram.ownVersion' : 'tasks.diagram.templateVersion',
          d.processDefinitionVersion)}</span>
        <span class="legend"><span class="swatch active"></span>${t('tasks.diagram.legendActive')}</span>
        <span class="legend"><span class="swatch completed"></span>${t('tasks.diagram.legendCompleted')}</span>
        <button type="button" id="diagram-fit" @click=${() => { this.fitDiagram = !this.fitDiagram; }}>
          ${this.fitDiagram ? t('tasks.diagram.actualSize') : t('tasks.diagram.fitWidth')}</button>
      </div>
      <div id="process-diagram" class=${this.fitDiagram ? 'bpmn-diagram fit' : 'bpmn-diagram'}
        data-process=${d.processInstanceId} data-version=${d.processDefinitionVersion}>
        <pl-bpmn-diagram .xml=${d.bpmn} .active=${d.activeActivityIds} .completed=${d.completedActivityIds}
          .nameOf=${diagramName(d)} ?fit=${this.fitDiagram} label=${t('tasks.diagram.title')}></pl-bpmn-diagram>
      </div>`;
  }

  steps() {
    const p = this.process;
    if (!p) return html`<p>${t('common.loading')}</p>`;
    const active = new Set(p.activities.filter((a) => !a.ended).map((a) => a.activityId));
    return html`<ol id="process-steps" class="steps">${p.activities.map((a) => html`
        <li class=${active.has(a.activityId) ? 'current' : 'done'} data-activity=${a.activityId}>
          ${named(`tasks.step.${p.processDefinitionKey}`, a.activityId, a.name || a.activityId)}
          <span class="when" data-v>${dateTime(a.started)}${a.ended ? ` – ${dateTime(a.ended)}` : ''}</span>
          ${active.has(a.activityId) ? html`<strong>${t('tasks.current')}</strong>` : ''}
        </li>`)}</ol>`;
  }

  detail() {
    const task = this.selected;
    const mine = task.assignee === this.me.username;
    return html`<section id="task-detail" class="panel" data-task=${task.id}>
      <h3>${named('tasks.name', task.taskDefinitionKey, task.name)}</h3>
      <dl>
        <dt>${t('tasks.process')}</dt><dd>${named('tasks.processName', task.processDefinitionKey)}</dd>
        <dt>${t('tasks.subject')}</dt><dd data-v>${task.businessKey || '–'}</dd>
        <dt>${t('tasks.created')}</dt><dd data-v>${dateTime(task.created)}</dd>
        <dt>${t('tasks.due')}</dt><dd data-v class=${task.overdue ? 'error' : ''}>${task.due ? dateTime(task.due) : '–'}</dd>
        <dt>${t('tasks.assignee')}</dt><dd id="task-assignee" data-v>${task.assignee || '–'}</dd>
        ${task.owner ? html`<dt>${t('tasks.owner')}</dt><dd data-v>${task.owner}</dd>` : ''}
      </dl>
      ${!task.assignee ? html`<button id="claim" ?disabled=${this.busy} @click=${() => this.act('claim')}>${t('tasks.claim')}</button>` : ''}
      ${task.assignee && task.delegationState !== 'PENDING' && (mine || this.me.roles.includes('admin'))
        ? html`<button id="unclaim" ?disabled=${this.busy} @click=${() => this.act('unclaim')}>
            ${mine ? t('tasks.unclaim') : tData('tasks.takeBack', task.assignee)}</button>` : ''}
      ${mine && task.delegationState !== 'PENDING' ? html`<form id="delegate-form" class="filters" @submit=${this.delegate}>
        <label>${t('tasks.delegateTo')} <input name="to" id="delegate-to" size="20"></label>
        <button type="submit" ?disabled=${this.busy}>${t('tasks.delegate')}</button>
        ${this.errors.to ? html`<span class="error field-error" id="error-to">${fieldMessage(this.errors.to)}</span>` : ''}
      </form>` : ''}
      <h4>${t('tasks.form')}</h4>
      ${this.formView(task)}
      <h4>${t('tasks.diagram.title')}</h4>
      ${this.diagramView()}
      <h4>${t('tasks.steps')}</h4>
      ${this.steps()}
    </section>`;
  }

  render() {
    const list = this.list;
    return html`<div class="tabs" role="tablist">${['mine', 'groups'].map((s) => html`
        <button role="tab" id=${`tab-${s}`} aria-selected=${s === this.scope} class=${s === this.scope ? 'active' : ''}
          @click=${() => this.show(s)}>${t(`tasks.scope.${s}`)}</button>`)}</div>
      <h2>${t('tasks.title')}</h2>
      <form class="filters" id="task-filters" @submit=${this.applyFilters}>
        <label>${t('tasks.dueBefore')} ${dateInput('dueBefore', this.dueBefore)}</label>
        <label><input type="checkbox" name="overdue" id="overdue" ?checked=${this.overdue}> ${t('tasks.overdueOnly')}</label>
        <button type="submit" id="apply-filters">${t('common.apply')}</button>
      </form>
      ${this.error ? html`<p class="error" id="task-error">${t('common.error', this.error)}</p>` : ''}
      ${this.notice ? html`<p id="task-done" class="notice">${t('tasks.done')}
        ${named('tasks.name', this.notice.taskDefinitionKey, this.notice.name)}</p>` : ''}
      ${!list ? html`<p>${t('common.loading')}</p>` : !list.length ? html`<p id="no-tasks">${t('tasks.none')}</p>` : html`
        <table id="tasks-table"><thead><tr><th>${t('tasks.task')}</th><th>${t('tasks.process')}</th><th>${t('tasks.subject')}</th>
          <th>${t('tasks.due')}</th><th>${t('tasks.assignee')}</th></tr></thead>
          <tbody>${list.map((task) => html`<tr data-id=${task.id} data-process=${task.processInstanceId}
              class=${[this.selected && this.selected.id === task.id ? 'selected' : '', task.overdue ? 'late' : ''].join(' ')}
              @click=${() => this.open(task)}>
            <td class="link">${named('tasks.name', task.taskDefinitionKey, task.name)}</td>
            <td>${named('tasks.processName', task.processDefinitionKey)}</td>
            <td data-v>${task.businessKey || '–'}</td>
            <td data-v>${task.due ? dateTime(task.due) : '–'}${task.overdue ? html` <strong class="error">${t('tasks.overdue')}</strong>` : ''}</td>
            <td data-v>${task.assignee || '–'}</td></tr>`)}</tbody></table>`}
      ${this.selected ? this.detail() : ''}`;
  }
}
customElements.define('pl-tasks', PlTasks);

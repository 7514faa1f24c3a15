// The bureau's overview of the programme for a year: per cohort enterprise, aggregates only (/api/programme/overview):
// cohort, model cases, paired experts, visits and open follow-ups, training person-hours by level, projects by status,
// the CMMM self-assessment's levels and the usage the suite measured. Sortable by any column.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tEnum } from './i18n.js';
import { api } from './api.js';
import { quantity } from './format.js';
import { compareRows, sortHeader } from './table-sort.js';

const STATUSES = ['PROPOSED', 'ACTIVE', 'COMPLETED', 'CANCELLED'];

function cmmm(levels) {
  const values = Object.values(levels || {});
  if (!values.length) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function share(value) {
  return value === null || value === undefined ? '–' : `${quantity((Number(value) * 100).toFixed(1))} %`;
}

class PlBureauProgramme extends Screen {
  static properties = {
    year: { state: true }, overview: { state: true }, error: { state: true }, loading: { state: true },
    sort: { state: true },
  };

  constructor() {
    super();
    this.year = new Date().getUTCFullYear();
    this.sort = { key: 'enterprise', descending: false };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const year = this.year;
    this.loading = true;
    this.error = null;
    try {
      const overview = await api('/api/programme/overview', { query: { year } });
      if (year === this.year) this.overview = overview;
    } catch (e) {
      this.overview = null;
      this.error = e.message;
    } finally {
      this.loading = false;
    }
  }

  setYear(year) {
    if (!/^\d{4}$/.test(String(year))) return;
    this.year = Number(year);
    this.load();
  }

  sortValue(r, key) {
    switch (key) {
      case 'enterprise': case 'name': case 'cohort': return r[key];
      case 'type': return r.manufacturingType;
      case 'modelCases': return r.modelCases.length;
      case 'experts': return r.experts.length;
      case 'visits': case 'openFollowUps': return r[key];
      case 'ENGINEERING': case 'MANAGEMENT': return Number((r.trainingPersonHours || {})[key] || 0);
      case 'cmmm': return cmmm(r.cmmmLevels);
      case 'mrpRuns': case 'machinesReporting': case 'processesStarted': return r.usage ? r.usage[key] : null;
      case 'terminalShare': return r.usage && r.usage.terminalShare !== null ? Number(r.usage.terminalShare) : null;
      default: return STATUSES.includes(key) ? Number((r.projects || {})[key] || 0) : null;
    }
  }

  render() {
    const o = this.overview;
    const h = (key, label, numeric) => sortHeader(key, label, this.sort, (s) => { this.sort = s; }, numeric);
    const rows = o ? [...o.enterprises].sort(compareRows((r) => this.sortValue(r, this.sort.key), this.sort.descending)) : [];
    return html`<div class="filters">
        <button id="programme-prev" @click=${() => this.setYear(this.year - 1)}>${t('programme.previousYear')}</button>
        <label>${t('programme.year')} <input id="programme-year" size="5" .value=${String(this.year)}
          @change=${(e) => this.setYear(e.target.value.trim())}></label>
        <button id="programme-next" @click=${() => this.setYear(this.year + 1)}>${t('programme.nextYear')}</button>
        ${this.loading ? html`<span class="muted" id="programme-loading">${t('common.loading')}</span>` : ''}
      </div>
      ${this.error ? html`<p class="error">${t('common.error', this.error)}</p>` : ''}
      ${!o ? '' : !o.enterprises.length ? html`<p id="programme-none">${t('programme.none')}</p>` : html`
      <div class="pane"><table id="programme-table"><thead><tr>
        ${h('enterprise', t('enterprises.code'))}${h('name', t('enterprises.name'))}${h('type', t('enterprises.type'))}
        ${h('cohort', t('programme.cohort'))}${h('modelCases', t('programme.modelCases'), true)}
        ${h('experts', t('programme.experts'), true)}${h('visits', t('programme.visits'), true)}
        ${h('openFollowUps', t('programme.openFollowUps'), true)}
        ${h('ENGINEERING', t('programme.trainingEngineering'), true)}${h('MANAGEMENT', t('programme.trainingManagement'), true)}
        ${STATUSES.map((s) => h(s, t('programme.projects', tEnum('expert.projectStatus', s)), true))}
        ${h('cmmm', t('programme.cmmm'), true)}${h('mrpRuns', t('programme.mrpRuns'), true)}
        ${h('terminalShare', t('programme.terminalShare'), true)}${h('machinesReporting', t('programme.machines'), true)}
        ${h('processesStarted', t('programme.processes'), true)}
      </tr></thead><tbody>${rows.map((r) => {
    const level = cmmm(r.cmmmLevels);
    const u = r.usage || {};
    return html`<tr data-code=${r.enterprise}>
        <td data-v>${r.enterprise}</td><td data-v class="name">${r.name}</td><td>${tEnum('mfgType', r.manufacturingType)}</td>
        <td data-v>${r.cohort || ''}</td>
        <td class="num" data-v title=${r.modelCases.join(', ')}>${r.modelCases.length}</td>
        <td class="num" data-v title=${r.experts.join(', ')}>${r.experts.length}</td>
        <td class="num" data-v>${r.visits}</td><td class="num" data-v>${r.openFollowUps}</td>
        <td class="num" data-v>${quantity((r.trainingPersonHours || {}).ENGINEERING || 0)}</td>
        <td class="num" data-v>${quantity((r.trainingPersonHours || {}).MANAGEMENT || 0)}</td>
        ${STATUSES.map((s) => html`<td class="num" data-v>${(r.projects || {})[s] || 0}</td>`)}
        <td class="num" data-v data-cmmm>${level === null ? '–' : quantity(level.toFixed(1))}</td>
        <td class="num" data-v>${u.mrpRuns ?? '–'}</td><td class="num" data-v>${share(u.terminalShare)}</td>
        <td class="num" data-v>${u.machinesReporting ?? '–'} / ${u.machinesBound ?? '–'}</td>
        <td class="num" data-v>${u.processesStarted ?? '–'}</td>
      </tr>`;
  })}</tbody></table></div>
      <p class="muted">${t('programme.aggregatesOnly')}</p>`}`;
  }
}
customElements.define('pl-bureau-programme', PlBureauProgramme);

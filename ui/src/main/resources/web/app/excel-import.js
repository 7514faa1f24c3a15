// The master-data workbook: the template to download, a dry run of an upload showing every bad row next to its sheet
// and row, then the real import (all or nothing, as the API does it).
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData } from './i18n.js';
import { ApiError, chosenEnterprise } from './api.js';
import { refusal } from './mrp-views.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEETS = ['items', 'workCenters', 'bomLines', 'recipes', 'routings', 'openingStock'];

/** Sends the workbook as the request body; answers the report, throws ApiError with the problem otherwise. */
async function importWorkbook(file, dryRun) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', 'Content-Type': XLSX };
  const enterprise = chosenEnterprise();
  if (enterprise) headers['PilotLine-Enterprise'] = enterprise;
  const response = await fetch(`/api/excel/import?dryRun=${dryRun}`, { method: 'POST', headers, credentials: 'same-origin', body: file });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

class PlImport extends Screen {
  static properties = {
    me: { attribute: false }, sheet: { state: true }, file: { state: true }, report: { state: true },
    problems: { state: true }, failure: { state: true }, busy: { state: true }, checked: { state: true },
  };

  constructor() {
    super();
    this.sheet = '';
  }

  templateHref() {
    return this.sheet ? `/api/excel/template?sheets=${this.sheet}` : '/api/excel/template';
  }

  chooseFile(event) {
    this.file = event.target.files[0] || null;
    this.report = null;
    this.problems = null;
    this.failure = null;
    this.checked = false;
  }

  async send(dryRun) {
    if (!this.file) { this.failure = null; this.problems = null; this.report = null; this.missing = true; this.requestUpdate(); return; }
    this.missing = false;
    this.busy = true;
    try {
      this.report = await importWorkbook(this.file, dryRun);
      this.problems = null;
      this.failure = null;
      this.checked = dryRun;
    } catch (e) {
      this.report = null;
      this.checked = false;
      if (e instanceof ApiError && e.status === 422 && e.problem && Array.isArray(e.problem.problems)) {
        this.problems = e.problem;
        this.failure = null;
      } else {
        this.problems = null;
        this.failure = e;
      }
    } finally {
      this.busy = false;
    }
  }

  reportTable() {
    const r = this.report;
    if (!r) return '';
    return html`<div id="import-report" class="panel" data-dry-run=${r.dryRun} data-applied=${r.applied}>
      <p class="note" id="import-outcome">${t(r.dryRun ? 'import.dryRunOk' : 'import.applied')}</p>
      <table id="import-sheets"><thead><tr><th>${t('import.sheet')}</th><th class="num">${t('import.rows')}</th>
        <th class="num">${t(r.dryRun ? 'import.wouldCreate' : 'import.created')}</th>
        <th class="num">${t(r.dryRun ? 'import.wouldUpdate' : 'import.updated')}</th><th class="num">${t('import.unchanged')}</th></tr></thead>
        <tbody>${r.sheets.map((s) => html`<tr data-sheet=${s.sheet}><td data-v>${s.sheet}</td><td class="num">${s.rows}</td>
          <td class="num created">${s.created}</td><td class="num updated">${s.updated}</td><td class="num">${s.unchanged}</td></tr>`)}</tbody>
      </table>
      ${r.dryRun ? html`<p>${t('import.nowImport')}</p>` : ''}
    </div>`;
  }

  problemTable() {
    const p = this.problems;
    if (!p) return '';
    return html`<div id="import-invalid" class="panel">
      <p class="error">${tData('import.badRows', p.problems.length)}</p>
      <table id="import-problems"><thead><tr><th>${t('import.sheet')}</th><th class="num">${t('import.row')}</th>
        <th>${t('import.column')}</th><th>${t('import.reason')}</th></tr></thead>
        <tbody>${p.problems.map((x) => html`<tr data-sheet=${x.sheet} data-row=${x.row}>
          <td data-v>${x.sheet}</td><td class="num">${x.row}</td><td data-v>${x.column ?? ''}</td><td data-v class="reason">${x.reason}</td></tr>`)}</tbody>
      </table>
    </div>`;
  }

  render() {
    return html`<h2>${t('import.title')}</h2>
      <section id="template" class="panel">
        <h3>${t('import.template')}</h3>
        <p>${t('import.templateHint')}</p>
        <div class="filters">
          <label>${t('import.sheets')} <select id="template-sheets" @change=${(e) => { this.sheet = e.target.value; }}>
            <option value="">${t('import.allSheets')}</option>
            ${SHEETS.map((s) => html`<option value=${s} ?selected=${this.sheet === s}>${t(`import.sheet.${s}`)}</option>`)}
          </select></label>
          <a id="template-download" href=${this.templateHref()} download="pilotline-template.xlsx">${t('import.download')}</a>
        </div>
      </section>
      <section id="upload" class="panel">
        <h3>${t('import.upload')}</h3>
        <p>${t('import.uploadHint')}</p>
        <div class="filters">
          <input type="file" id="workbook" accept=${`.xlsx,${XLSX}`} @change=${this.chooseFile}>
          <button id="dry-run" ?disabled=${this.busy} @click=${() => this.send(true)}>${t('import.check')}</button>
          <button id="import" ?disabled=${this.busy || !this.checked} @click=${() => this.send(false)}>${t('import.run')}</button>
          ${this.busy ? html`<span class="note">${t('common.loading')}</span>` : ''}
        </div>
        ${this.missing ? html`<p class="error" id="no-file">${t('import.noFile')}</p>` : ''}
        ${refusal(this.failure, 'import-error')}
        ${this.problemTable()}
        ${this.reportTable()}
      </section>`;
  }
}
customElements.define('pl-import', PlImport);

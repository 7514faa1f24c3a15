// The terminal's inspection panel for the selected operation: its characteristics (nominal, limits, unit, sample
// size) as the API copied them from the routing's inspection plan, a value to type for each sample, flagged at once when
// it is outside the limits, and the results already recorded. Each value goes out as one INSPECTION report through the
// terminal's offline queue (so it is numbered, kept while the network is down and applied once); the server's answer
// (within the limits, or the non-conformance it raised) shows in the panel and in the terminal's list of sent reports.
import { html } from 'lit';
import { Screen } from './base.js';
import { t, tData } from './i18n.js';
import { dateTime, quantity } from './format.js';

/** What the panel last read per operation, for a terminal that starts or works without network. */
const CACHE_KEY = 'pilotline.terminal.inspection';
/** States in which the server takes inspection results (started, not finished). */
const MEASURING = ['SETUP', 'RUNNING', 'PAUSED'];

function readCache() {
  try { return JSON.parse(localStorage.getItem(CACHE_KEY) || '{}'); } catch (e) { return {}; }
}

/** Whether a typed value is outside a characteristic's limits (an open limit bounds nothing); null when not a number. */
export function outOfLimits(value, c) {
  if (value === '' || value === null || value === undefined || Number.isNaN(Number(value))) return null;
  const v = Number(value);
  return (c.lowerLimit !== null && c.lowerLimit !== undefined && v < Number(c.lowerLimit))
    || (c.upperLimit !== null && c.upperLimit !== undefined && v > Number(c.upperLimit));
}

class PlTerminalInspection extends Screen {
  static properties = {
    terminal: { attribute: false }, line: { attribute: false }, state: {}, queue: { attribute: false },
    log: { attribute: false }, characteristics: { state: true }, results: { state: true }, typed: { state: true },
  };

  constructor() {
    super();
    this.characteristics = [];
    this.results = [];
    this.typed = {};
  }

  willUpdate(changed) {
    if (changed.has('line') && this.line && (!changed.get('line') || changed.get('line').operationId !== this.line.operationId)) {
      const cached = readCache()[this.line.operationId] || {};
      this.characteristics = cached.characteristics || [];
      this.results = cached.results || [];
      this.typed = {};
      this.load();
    }
    // an answer to an inspection report of this operation: the recorded results are read again
    if (changed.has('log') && this.line && this.log && this.log[0] && this.log[0] !== (changed.get('log') || [])[0]
        && this.log[0].entry.body.kind === 'INSPECTION' && this.log[0].entry.body.operationId === this.line.operationId) {
      this.load();
    }
  }

  async load() {
    const operationId = this.line.operationId;
    try {
      const [characteristics, results] = await Promise.all([
        this.terminal.call('/api/mes/characteristics', { query: { operationId } }),
        this.terminal.call('/api/mes/inspection-results', { query: { operationId } }),
      ]);
      const cache = readCache();
      cache[operationId] = { characteristics, results };
      localStorage.setItem(CACHE_KEY, JSON.stringify(cache));
      if (this.line && this.line.operationId === operationId) {
        this.characteristics = characteristics;
        this.results = results;
      }
    } catch (e) {
      this.terminal.fail(e);
    }
  }

  type(c, sample, value) {
    this.typed = { ...this.typed, [`${c.id}:${sample}`]: value };
  }

  /** Queues one INSPECTION report per value typed for the characteristic, in sample order. */
  async record(event, c) {
    event.preventDefault();
    const form = event.target;
    const concerns = form.concerns.value.trim();
    const values = [];
    for (let sample = 1; sample <= c.sampleSize; sample++) {
      const v = (this.typed[`${c.id}:${sample}`] || '').trim();
      if (v) values.push(v);
    }
    if (!values.length) return;
    if (values.some((v) => Number.isNaN(Number(v)))) { this.terminal.problem = () => t('inspection.notANumber'); return; }
    const typed = { ...this.typed };
    for (let sample = 1; sample <= c.sampleSize; sample++) delete typed[`${c.id}:${sample}`];
    this.typed = typed;
    form.reset();
    this.terminal.problem = null;
    for (const measured of values) {
      // one report per sample, numbered in the order typed
      // eslint-disable-next-line no-await-in-loop
      await this.terminal.report('INSPECTION', { characteristicId: c.id, measured, concernsQuantity: concerns || undefined });
    }
  }

  limits(c) {
    const unit = c.unit ? html` <span data-v>${c.unit}</span>` : '';
    const lower = c.lowerLimit === null || c.lowerLimit === undefined ? t('inspection.open') : html`<span data-v>${quantity(c.lowerLimit)}</span>`;
    const upper = c.upperLimit === null || c.upperLimit === undefined ? t('inspection.open') : html`<span data-v>${quantity(c.upperLimit)}</span>`;
    return html`${t('inspection.nominal')} ${c.nominal === null || c.nominal === undefined ? '—' : html`<span data-v>${quantity(c.nominal)}</span>`}${unit}
      · ${t('inspection.limits')} ${lower} … ${upper}${unit} · ${tData('inspection.sampleSize', c.sampleSize)}`;
  }

  /** The non-conformances this terminal's answers raised at the operation (the terminal reads no NCR list). */
  raised() {
    return (this.log || []).filter((r) => r.outcome && r.outcome.inspection && r.outcome.inspection.nonConformance
      && r.entry.body.operationId === this.line.operationId).map((r) => r.outcome.inspection.nonConformance);
  }

  characteristicView(c, measuring) {
    const recorded = this.results.filter((r) => r.characteristicId === c.id).length;
    const waiting = (this.queue || []).filter((q) => q.body.kind === 'INSPECTION' && q.body.characteristicId === c.id
      && q.body.operationId === this.line.operationId).length;
    const samples = Array.from({ length: c.sampleSize }, (_, i) => i + 1);
    return html`<form class="characteristic" data-characteristic=${c.id} @submit=${(e) => this.record(e, c)}>
      <div class="characteristic-head"><strong data-v>${c.name}</strong>
        <span class="limits">${this.limits(c)}</span>
        <span class="recorded">${tData('inspection.recorded', recorded)}${waiting ? html` · ${tData('inspection.waiting', waiting)}` : ''}</span></div>
      <div class="row">
        ${samples.map((s) => {
          const value = this.typed[`${c.id}:${s}`] || '';
          const out = outOfLimits(value, c);
          return html`<label class=${out ? 'sample out' : out === false ? 'sample in' : 'sample'}><span>${tData('inspection.sample', s)}
            <span class="verdict">${out ? t('inspection.outOfLimits') : out === false ? t('inspection.withinLimits') : ''}</span></span>
            <input name=${`sample-${s}`} data-sample=${s} inputmode="decimal" autocomplete="off" .value=${value}
              @input=${(e) => this.type(c, s, e.target.value)}></label>`;
        })}
        <label><span>${t('inspection.concerns')}</span> <input name="concerns" type="number" min="0" step="any" inputmode="decimal"></label>
        <button type="submit" class="big" ?disabled=${!measuring}>${t('inspection.record')}</button>
      </div></form>`;
  }

  resultsView() {
    const waiting = (this.queue || []).filter((q) => q.body.kind === 'INSPECTION' && q.body.operationId === this.line.operationId);
    if (!this.results.length && !waiting.length) return '';
    const name = (id) => (this.characteristics.find((c) => c.id === id) || {}).name || id;
    return html`<table id="inspection-results" class="touch compact"><thead><tr><th>${t('inspection.characteristic')}</th>
      <th>${t('inspection.measured')}</th><th>${t('inspection.verdict')}</th><th>${t('inspection.concerns')}</th>
      <th>${t('inspection.measuredAt')}</th></tr></thead><tbody>
      ${this.results.map((r) => html`<tr class=${r.withinLimits ? 'in' : 'out'} data-client-id=${r.clientId}>
        <td data-v>${r.characteristic}</td><td class="num"><span data-v>${quantity(r.measured)}</span>${r.unit ? html` <span data-v>${r.unit}</span>` : ''}</td>
        <td>${r.withinLimits ? t('inspection.withinLimits') : t('inspection.outOfLimits')}</td>
        <td class="num" data-v>${quantity(r.concernsQuantity)}</td><td data-v>${dateTime(r.measuredAt)}</td></tr>`)}
      ${waiting.map((q) => html`<tr class="waiting" data-client-id=${q.clientId}><td data-v>${name(q.body.characteristicId)}</td>
        <td class="num" data-v>${quantity(q.body.measured)}</td><td>${t('terminal.waiting')}</td>
        <td class="num" data-v>${quantity(q.body.concernsQuantity || '')}</td><td data-v>${dateTime(q.body.occurredAt)}</td></tr>`)}
      </tbody></table>`;
  }

  render() {
    if (!this.line) return '';
    const measuring = MEASURING.includes(this.state);
    const raised = [...new Set(this.raised())];
    return html`<section id="inspection" class="terminal-card" data-op=${this.line.operationId}>
      <h3>${t('inspection.title')}</h3>
      ${!this.characteristics.length ? html`<p class="hint">${t('inspection.none')}</p>` : html`
        ${measuring ? '' : html`<p class="hint">${t('inspection.notNow')}</p>`}
        ${this.characteristics.map((c) => this.characteristicView(c, measuring))}`}
      ${raised.map((n) => html`<p class="error ncr-raised" role="status">${tData('inspection.ncrRaised', n)}</p>`)}
      ${this.resultsView()}
    </section>`;
  }
}
customElements.define('pl-terminal-inspection', PlTerminalInspection);
